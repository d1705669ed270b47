import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const APP_DIR = join(__dirname, '..');
const dockerfile = readFileSync(join(APP_DIR, 'Dockerfile'), 'utf8');

/** Dockerfile instructions with continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

function instructionsOf(keyword: string): string[] {
  return instructions.filter((line) => line.toUpperCase().startsWith(`${keyword} `)).map((line) => line.slice(keyword.length + 1).trim());
}

/** Sources of every COPY, without flags such as --chown; the last word is the destination. */
const copies = instructionsOf('COPY').map((line) => {
  const words = line.split(/\s+/).filter((word) => !word.startsWith('--'));
  return { sources: words.slice(0, -1), destination: words[words.length - 1] };
});

describe('Dockerfile', () => {
  it('defaults to PostgreSQL 12', () => {
    expect(instructions[0]).toBe('ARG POSTGRES_MAJOR=12');
    expect(instructionsOf('FROM')).toEqual(['${POSTGRES_IMAGE}:${POSTGRES_MAJOR}']);
    expect(instructions).toContain('ARG POSTGRES_IMAGE=postgres');
  });

  it('copies only existing files', () => {
    const sources = copies.flatMap((copy) => copy.sources);

    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(APP_DIR, source)) }).toEqual({ source, exists: true });
    }
  });

  it('keeps copied files in the build context', () => {
    // .dockerignore starts by excluding everything, so each COPY source must be re-included.
    const dockerignore = readFileSync(join(APP_DIR, '.dockerignore'), 'utf8').split('\n');
    for (const source of copies.flatMap((copy) => copy.sources)) {
      const topLevel = source.split('/')[0];
      expect({ source, included: dockerignore.includes(`!${topLevel}`) }).toEqual({ source, included: true });
    }
  });

  it('installs the init SQL for the entrypoint', () => {
    const initCopy = copies.find((copy) => copy.destination === '/docker-entrypoint-initdb.d/');

    expect(initCopy?.sources).toEqual(['init/10-pg-trgm.sql', 'init/20-pg-trgm-template1.sh']);
    expect(readFileSync(join(APP_DIR, 'init', '10-pg-trgm.sql'), 'utf8')).toContain('CREATE EXTENSION IF NOT EXISTS pg_trgm;');
    expect(readFileSync(join(APP_DIR, 'init', '20-pg-trgm-template1.sh'), 'utf8')).toContain(
      '--dbname template1 -f /docker-entrypoint-initdb.d/10-pg-trgm.sql',
    );
  });

  it('keeps the template1 script sourced', () => {
    // The official entrypoint only defines docker_process_sql for init scripts it sources, which it
    // does for *.sh files without the executable bit.
    expect(statSync(join(APP_DIR, 'init', '20-pg-trgm-template1.sh')).mode & 0o111).toBe(0);
    expect(dockerfile).toContain('chmod 0644 /docker-entrypoint-initdb.d/10-pg-trgm.sql /docker-entrypoint-initdb.d/20-pg-trgm-template1.sh');
  });

  it('applies the init SQL to template1', () => {
    // Sources the script from bash, as the official entrypoint does, with a stub in place of the
    // entrypoint's docker_process_sql that prints POSTGRES_DB and its arguments.
    const script = join(APP_DIR, 'init', '20-pg-trgm-template1.sh');
    const stub = 'docker_process_sql() { printf "POSTGRES_DB=%s\\n" "$POSTGRES_DB"; printf "%s\\n" "$@"; }';
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `${stub}; . "$1"`, 'entrypoint', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, POSTGRES_DB: 'marketplace' },
    });

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'POSTGRES_DB=',
      '--dbname',
      'template1',
      '-f',
      '/docker-entrypoint-initdb.d/10-pg-trgm.sql',
      '',
    ]);
  });

  it('runs the wrapper before the official entrypoint', () => {
    expect(instructionsOf('ENTRYPOINT')).toEqual(['["/usr/local/bin/docker-entrypoint-wrapper.sh"]']);
    expect(instructionsOf('CMD')).toEqual(['["postgres"]']);
    expect(readFileSync(join(APP_DIR, 'docker-entrypoint-wrapper.sh'), 'utf8')).toContain(
      '${MARKETPLACE_DB_ENTRYPOINT:-/usr/local/bin/docker-entrypoint.sh}',
    );
  });

  it('declares a healthcheck with the script', () => {
    const [healthcheck] = instructionsOf('HEALTHCHECK');

    expect(healthcheck).toMatch(/CMD \["\/usr\/local\/bin\/healthcheck\.sh"\]$/);
    expect(instructionsOf('COPY').some((line) => line.includes('healthcheck.sh') && line.endsWith('/usr/local/bin/'))).toBe(true);
    expect(readFileSync(join(APP_DIR, 'healthcheck.sh'), 'utf8')).toContain('exec pg_isready');
  });

  it('labels the image version', () => {
    const labels = instructionsOf('LABEL').join(' ');

    expect(instructions).toContain('ARG VERSION=dev');
    expect(labels).toContain('org.opencontainers.image.version="${VERSION}"');
    expect(labels).toContain('org.opencontainers.image.title="marketplace-db"');
  });
});
