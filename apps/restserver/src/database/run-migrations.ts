import type { DataSource, QueryRunner } from 'typeorm';

import { adoptionSteps, describeState, isOriginalDatabase } from './adoption/adoption-plan';
import { classifyDatabase, type DatabaseState } from './adoption/classify-database';
import { MIGRATIONS_TABLE } from './data-source-options';
import { MIGRATIONS } from './migrations';

/**
 * Key of the PostgreSQL advisory lock that serialises migrations, so that several replicas
 * starting at once against one database apply each migration exactly once.
 */
export const MIGRATION_LOCK_KEY = 7_318_262_020;

/** The first migration: the original v1.8 schema, which adopted databases already have. */
const BASELINE = MIGRATIONS[0];

export interface MigrationReport {
  /** State of the database before this run. */
  state: DatabaseState;
  stateDescription: string;
  /** Steps that adopted a database of the original server, in order. */
  adopted: string[];
  /** Migrations applied (or, in a dry run, that would be applied), oldest first. */
  applied: string[];
  dryRun: boolean;
}

/**
 * Brings the database to the current schema while holding the advisory lock. It recognises the
 * database's version, adopts a database of the original server in one transaction (its upgrade
 * steps, then the first migration recorded as applied), then applies pending migrations, each in
 * its own transaction. A database of no known shape raises UnrecognisedDatabaseError before any change.
 * With `dryRun`, reports the same plan and changes nothing.
 */
export async function runMigrations(dataSource: DataSource, options: { dryRun?: boolean } = {}): Promise<MigrationReport> {
  const dryRun = options.dryRun ?? false;
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);

    const state = await classifyDatabase(lockRunner);
    const steps = adoptionSteps(state);
    const report: MigrationReport = { state, stateDescription: describeState(state), adopted: steps.map((step) => step.name), applied: [], dryRun };

    if (dryRun) {
      report.applied = await pendingMigrations(dataSource, isOriginalDatabase(state) ? [BASELINE.name] : []);
      return report;
    }

    if (isOriginalDatabase(state)) {
      await adoptOriginalDatabase(lockRunner, steps);
    }
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    report.applied = migrations.map((migration) => migration.name);
    return report;
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}

/** Runs the upgrade steps and records the first migration as applied, all in one transaction. */
async function adoptOriginalDatabase(queryRunner: QueryRunner, steps: { up(queryRunner: QueryRunner): Promise<void> }[]): Promise<void> {
  await queryRunner.startTransaction();
  try {
    for (const step of steps) {
      await step.up(queryRunner);
    }
    // The same columns TypeORM gives its migrations table, so it recognises the record.
    await queryRunner.query(
      `CREATE TABLE "${MIGRATIONS_TABLE}" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_${MIGRATIONS_TABLE}" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("timestamp", "name") VALUES ($1, $2)`, [baselineTimestamp(), BASELINE.name]);
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  }
}

function baselineTimestamp(): number {
  return Number(/(\d{13})$/.exec(BASELINE.name)![1]);
}

/** Names of migrations not yet applied, oldest first; empty when the schema is current. */
export async function pendingMigrations(dataSource: DataSource, treatAsApplied: string[] = []): Promise<string[]> {
  const recorded = await dataSource.query(`SELECT name FROM "${MIGRATIONS_TABLE}"`).catch(() => [] as { name: string }[]);
  const executed = new Set([...recorded.map((row: { name: string }) => row.name), ...treatAsApplied]);
  return MIGRATIONS.map((migration) => migration.name).filter((name) => !executed.has(name));
}
