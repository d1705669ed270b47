import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

/** Same naming as targetUrlVariable in tools/jest/postgres-targets.cjs, whose global setup sets it. */
function targetUrlVariable(targetName: string): string {
  return `MARKETPLACE_TEST_URL_${targetName.toUpperCase()}`;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Admin URL of the PostgreSQL server this integration project runs against. */
export function serverUrl(): string {
  const target = (globalThis as { POSTGRES_TARGET?: string }).POSTGRES_TARGET;
  const url = target && process.env[targetUrlVariable(target)];
  if (!url) {
    throw new Error('No PostgreSQL for integration specs: run them through the root Jest configuration, which starts one');
  }
  return url;
}

/** Creates an empty database of its own for one spec file, so files can run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `marketplace_test_${randomBytes(6).toString('hex')}`;
  const admin = serverUrl();

  await withClient(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    // PostgreSQL 12 has no DROP DATABASE ... WITH (FORCE), so end the other sessions first.
    drop: () =>
      withClient(admin, async (client) => {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
      }),
  };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
