import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEALTHCHECK = join(__dirname, '..', 'healthcheck.sh');

let workDir: string;
let dataDir: string;
let binDir: string;

/** Writes postmaster.pid in the layout PostgreSQL 10 to 18 use: port, socket directory and listen address on lines 4 to 6. */
function writePidFile(port: string, socketDir: string, listenAddress: string): void {
  const lines = ['4242', dataDir, '1700000000', port, socketDir, listenAddress, '  5432001    65536', 'ready   '];
  writeFileSync(join(dataDir, 'postmaster.pid'), `${lines.join('\n')}\n`);
}

function runHealthcheck(env: Record<string, string> = {}) {
  const result = spawnSync('sh', [HEALTHCHECK], {
    encoding: 'utf8',
    env: { PATH: `${binDir}:${process.env.PATH}`, PGDATA: dataDir, ...env },
  });
  return { status: result.status, stderr: result.stderr };
}

function pgIsreadyArguments(): string[] {
  return readFileSync(join(workDir, 'pg_isready.args'), 'utf8').trimEnd().split('\n');
}

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'marketplace-db-health-'));
  dataDir = join(workDir, 'pgdata');
  binDir = join(workDir, 'bin');
  mkdirSync(dataDir);
  mkdirSync(binDir);

  // Stub pg_isready: records its arguments and exits with STUB_STATUS.
  const stub = join(binDir, 'pg_isready');
  writeFileSync(stub, `#!/bin/sh\nprintf '%s\\n' "$@" > '${join(workDir, 'pg_isready.args')}'\nexit "\${STUB_STATUS:-0}"\n`);
  chmodSync(stub, 0o755);
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('healthcheck', () => {
  it('uses the port the server runs on', () => {
    writePidFile('9291', '/var/run/postgresql', '*');

    const result = runHealthcheck({ POSTGRES_USER: 'user', POSTGRES_DB: 'marketplace' });

    expect(result.status).toBe(0);
    expect(pgIsreadyArguments()).toEqual([
      '--quiet',
      '--host=/var/run/postgresql',
      '--port=9291',
      '--username=user',
      '--dbname=marketplace',
    ]);
  });

  it('defaults the database to the user', () => {
    writePidFile('5432', '/var/run/postgresql', '*');

    runHealthcheck({ POSTGRES_USER: 'user' });

    expect(pgIsreadyArguments()).toContain('--dbname=user');
  });

  it('uses TCP without a socket directory', () => {
    writePidFile('9291', '', '0.0.0.0');

    runHealthcheck();

    expect(pgIsreadyArguments()).toContain('--host=127.0.0.1');
  });

  it('passes on pg_isready failure', () => {
    writePidFile('9291', '/var/run/postgresql', '*');

    const result = runHealthcheck({ STUB_STATUS: '2' });

    expect(result.status).toBe(2);
  });

  it('fails while no server runs', () => {
    const result = runHealthcheck();

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('postmaster.pid not found');
  });

  it('fails during entrypoint initialisation', () => {
    // The entrypoint's temporary server listens on no TCP address.
    writePidFile('5432', '/var/run/postgresql', '');

    const result = runHealthcheck();

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('listens on no TCP address');
  });
});
