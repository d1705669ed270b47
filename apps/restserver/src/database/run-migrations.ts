import type { DataSource } from 'typeorm';

/**
 * Key of the PostgreSQL advisory lock that serialises migrations, so that several replicas
 * starting at once against one database apply each migration exactly once.
 */
export const MIGRATION_LOCK_KEY = 7_318_262_020;

export interface MigrationReport {
  applied: string[];
}

/** Applies pending migrations, each in its own transaction, while holding the advisory lock. */
export async function runMigrations(dataSource: DataSource): Promise<MigrationReport> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    return { applied: migrations.map((migration) => migration.name) };
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}

/** Names of migrations not yet applied; empty when the schema is current. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const executed = new Set(
    (
      await dataSource
        .query(`SELECT name FROM "${dataSource.options.migrationsTableName}"`)
        .catch(() => [] as { name: string }[])
    ).map((row: { name: string }) => row.name),
  );
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !executed.has(name));
}
