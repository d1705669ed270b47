import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { FIXTURES_DIR, fixturesPresent } from '../../test/golden/golden-corpus';
import { readDumpSchema } from '../../test/legacy/legacy-dump';
import { createTestDatabase, withClient, type TestDatabase } from '../../test/test-database';
import { configureLogging } from '../common/logging/logger';
import { buildDataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { runMigrations } from './run-migrations';

const SCHEMA_QUERY = `
  SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.character_maximum_length
  FROM information_schema.columns c
  WHERE c.table_schema = 'public' AND c.table_name <> 'marketplace_migrations'
  ORDER BY c.table_name, c.column_name`;

const CONSTRAINT_QUERY = `
  SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
  FROM pg_constraint
  WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'marketplace_migrations'
  ORDER BY 1, 2`;

const ENUM_QUERY = `
  SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`;

async function openDataSource(database: TestDatabase): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions({ url: database.url })).initialize();
}

configureLogging('silent');

const ALL_MIGRATIONS = MIGRATIONS.map((migration) => migration.name);

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('create the eight tables on an empty database', async () => {
    const report = await runMigrations(dataSource);
    expect(report.applied).toEqual(ALL_MIGRATIONS);

    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.map((row: { table_name: string }) => row.table_name)).toEqual([
      'Blobs', 'ItemCategories', 'ItemCategoryRelation', 'ItemRevisions', 'ItemTagRelation', 'ItemTags', 'ItemUses', 'MarketplaceItems',
      'StarRelation', 'Users', 'marketplace_migrations',
    ]);
  });

  it('apply nothing the second time', async () => {
    await runMigrations(dataSource);
    expect((await runMigrations(dataSource)).applied).toEqual([]);
  });

  it('undo cleanly with down', async () => {
    await runMigrations(dataSource);
    for (const _migration of ALL_MIGRATIONS) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const tables = await dataSource.query(`SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'marketplace_migrations'`);
    expect(tables[0].count).toBe(0);
    const types = await dataSource.query(ENUM_QUERY);
    expect(types).toEqual([]);
    expect((await runMigrations(dataSource)).applied).toEqual(ALL_MIGRATIONS);
  });

  it('run once when two servers start together', async () => {
    const other = await openDataSource(database);
    try {
      const reports = await Promise.all([runMigrations(dataSource), runMigrations(other)]);
      expect(reports.flatMap((report) => report.applied)).toEqual(ALL_MIGRATIONS);
    } finally {
      await other.destroy();
    }
  });

  it('stop without changes when the tables exist unrecorded', async () => {
    await runMigrations(dataSource);
    await dataSource.query(`INSERT INTO "ItemTags" (id, name, "createdAt", "updatedAt") VALUES ('t1', 'kept', now(), now())`);
    await dataSource.query('DELETE FROM marketplace_migrations');

    await expect(runMigrations(dataSource)).rejects.toThrow(/already exists/);
    const rows = await dataSource.query(`SELECT name FROM "ItemTags"`);
    expect(rows).toEqual([{ name: 'kept' }]);
  });
});

const describeWithDump = fixturesPresent ? describe : describe.skip;

describeWithDump(`first migration against the original v1.8 schema${fixturesPresent ? '' : ' (skipped: fixtures absent)'}`, () => {
  it('creates the same columns, constraints and enum types', async () => {
    const ours = await createTestDatabase();
    const original = await createTestDatabase();
    try {
      // Only the first migration, which creates the original's schema; later ones add to it.
      const dataSource = await new DataSource({ ...buildDataSourceOptions({ url: ours.url }), migrations: [MIGRATIONS[0]] }).initialize();
      await runMigrations(dataSource);
      await dataSource.destroy();
      await withClient(original.url, (client) => client.query(readDumpSchema(join(FIXTURES_DIR, 'legacy-db', 'v1.8.0.sql'))));

      const describeSchema = (url: string) =>
        withClient(url, async (client) => ({
          columns: (await client.query(SCHEMA_QUERY)).rows,
          constraints: (await client.query(CONSTRAINT_QUERY)).rows,
          enums: (await client.query(ENUM_QUERY)).rows,
        }));
      expect(await describeSchema(ours.url)).toEqual(await describeSchema(original.url));
    } finally {
      await ours.drop();
      await original.drop();
    }
  });
});
