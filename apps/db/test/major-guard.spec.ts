import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WRAPPER = join(__dirname, '..', 'docker-entrypoint-wrapper.sh');
const PAICTL_ARGS = ['-c', 'port=9291', '-N', '1000'];

let workDir: string;
let dataDir: string;
let stubEntrypoint: string;

/** Runs the wrapper with sh, as the image does, with the stub in place of the official entrypoint. */
function runWrapper(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync('sh', [WRAPPER, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, PGDATA: dataDir, PG_MAJOR: '18', MARKETPLACE_DB_ENTRYPOINT: stubEntrypoint, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeDataMajor(major: string): void {
  writeFileSync(join(dataDir, 'PG_VERSION'), `${major}\n`);
}

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'marketplace-db-guard-'));
  dataDir = join(workDir, 'pgdata');
  mkdirSync(dataDir);

  // The stub prints one argument per line, so tests can check that none was split or dropped.
  stubEntrypoint = join(workDir, 'docker-entrypoint.sh');
  writeFileSync(stubEntrypoint, '#!/bin/sh\necho "official entrypoint"\nprintf \'%s\\n\' "$@"\n');
  chmodSync(stubEntrypoint, 0o755);
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('major version guard', () => {
  it('rejects PostgreSQL 12 data on an 18 image', () => {
    writeDataMajor('12');

    const result = runWrapper(PAICTL_ARGS);

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`the data directory ${dataDir} contains PostgreSQL 12 data, but this image runs PostgreSQL 18`);
    expect(result.stderr).toContain('--build-arg POSTGRES_MAJOR=12');
    expect(result.stderr).toContain('pg_upgrade');
    expect(result.stderr).toContain('apps/db/README.md');
    expect(result.stderr).not.toContain('official entrypoint');
  });

  it('rejects newer data on an older image', () => {
    writeDataMajor('18');

    const result = runWrapper(PAICTL_ARGS, { PG_MAJOR: '12' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('contains PostgreSQL 18 data, but this image runs PostgreSQL 12');
    expect(result.stderr).toContain('cannot move a data directory to an older major version');
    expect(result.stderr).toContain('--build-arg POSTGRES_MAJOR=18');
  });

  it('rejects pre-10 version strings', () => {
    writeDataMajor('9.6');

    const result = runWrapper(['postgres']);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('contains PostgreSQL 9.6 data, but this image runs PostgreSQL 18');
    expect(result.stderr).toContain('pg_upgrade');
  });

  it('rejects an empty PG_VERSION', () => {
    writeDataMajor('');

    const result = runWrapper(PAICTL_ARGS);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PG_VERSION is empty');
  });

  it('rejects a missing PG_MAJOR', () => {
    writeDataMajor('12');

    const result = runWrapper(PAICTL_ARGS, { PG_MAJOR: undefined });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PG_MAJOR is not set');
  });

  it('passes paictl arguments on with same major', () => {
    writeDataMajor('18');

    const result = runWrapper(PAICTL_ARGS);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(['official entrypoint', ...PAICTL_ARGS, ''].join('\n'));
  });

  it('passes arguments on for a new cluster', () => {
    const result = runWrapper(['postgres', '-c', 'shared_buffers=256MB']);

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(['official entrypoint', 'postgres', '-c', 'shared_buffers=256MB', ''].join('\n'));
  });

  it('keeps arguments containing spaces whole', () => {
    writeDataMajor('18');

    const result = runWrapper(['-c', "log_line_prefix=%m [%p] "]);

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(['official entrypoint', '-c', 'log_line_prefix=%m [%p] ', ''].join('\n'));
  });

  it('skips the check for other commands', () => {
    // An admin must be able to run pg_dump or a shell in the image on old data to upgrade it.
    writeDataMajor('12');

    const result = runWrapper(['bash', '-c', 'true']);

    expect(result.status).toBe(0);
    expect(result.stdout).toBe(['official entrypoint', 'bash', '-c', 'true', ''].join('\n'));
  });

  it('reports a failing entrypoint status', () => {
    writeFileSync(stubEntrypoint, '#!/bin/sh\nexit 3\n');

    const result = runWrapper(PAICTL_ARGS);

    expect(result.status).toBe(3);
  });
});
