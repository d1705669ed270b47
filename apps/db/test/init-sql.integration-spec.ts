import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type Client } from 'pg';

// NOTE: relative import from another project's test folder. The helper reads the server URL that the
// root Jest global setup publishes, and no shared library for test helpers exists yet.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestDatabase, serverUrl, type TestDatabase, withClient } from '../../restserver/test/test-database';

const INIT_SQL = readFileSync(join(__dirname, '..', 'init', '10-pg-trgm.sql'), 'utf8');

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function installedExtensions(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ extname: string }>('SELECT extname FROM pg_extension ORDER BY extname');
  return rows.map((row) => row.extname);
}

describe('init SQL', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The pg driver sends the whole file as one simple query, while psql -f sends it statement by
    // statement. The file has no psql meta-commands, so both give the same result.
    await withClient(database.url, (client) => client.query(INIT_SQL));
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('runs on a supported server', async () => {
    const versionNumber = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      return Number(rows[0].server_version_num);
    });

    expect(versionNumber).toBeGreaterThanOrEqual(120000);
  });

  it('creates pg_trgm', async () => {
    const extensions = await withClient(database.url, installedExtensions);

    expect(extensions).toContain('pg_trgm');
  });

  it('makes similarity() work', async () => {
    const { similarity, matches } = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ similarity: number; matches: boolean }>(
        "SELECT similarity('marketplace', 'marketplce') AS similarity, 'marketplace' % 'marketplce' AS matches",
      );
      return rows[0];
    });

    // Trigram similarity of the two words is 0.5 or more, above pg_trgm's default threshold of 0.3.
    expect(similarity).toBeGreaterThanOrEqual(0.5);
    expect(similarity).toBeLessThan(1);
    expect(matches).toBe(true);
  });

  it('supports trigram indexes', async () => {
    const plan = await withClient(database.url, async (client) => {
      await client.query('CREATE TABLE items (name text NOT NULL)');
      await client.query('CREATE INDEX items_name_trgm ON items USING gin (name gin_trgm_ops)');
      await client.query("INSERT INTO items (name) SELECT 'item ' || i FROM generate_series(1, 200) AS i");
      await client.query('ANALYZE items');
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT name FROM items WHERE name ILIKE '%tem 4%'");
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });

    expect(plan).toContain('items_name_trgm');
  });

  it('applies twice without error', async () => {
    // 20-pg-trgm-template1.sh runs the same file again, and the restserver may create the extension too.
    await withClient(database.url, (client) => client.query(INIT_SQL));
    const extensions = await withClient(database.url, installedExtensions);

    expect(extensions.filter((name) => name === 'pg_trgm')).toHaveLength(1);
  });

  it('passes pg_trgm on through a template', async () => {
    // Stands in for template1, which the image's init script changes. The shared test server's
    // own template1 stays untouched, because other spec files create databases from it.
    const template = await createTestDatabase();
    const copyName = `${new URL(template.url).pathname.slice(1)}_copy`;
    const templateName = new URL(template.url).pathname.slice(1);
    try {
      await withClient(template.url, (client) => client.query(INIT_SQL));
      await withClient(serverUrl(), (client) => client.query(`CREATE DATABASE ${copyName} TEMPLATE ${templateName}`));

      const extensions = await withClient(databaseUrl(copyName), installedExtensions);

      expect(extensions).toContain('pg_trgm');
    } finally {
      await withClient(serverUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${copyName}`));
      await template.drop();
    }
  });
});
