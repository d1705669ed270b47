import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { getLogger } from '../common/logging/logger';
import { seedExamples } from '../seeds/seed-examples';
import { seedAzureStorage } from '../storages/azure-storage-seed';
import { isOriginalDatabase } from './adoption/adoption-plan';
import { pendingMigrations, runMigrations } from './run-migrations';

/**
 * Start-up work on the database: pending migrations (unless turned off), the official examples
 * when the schema was just created in an empty database, then the AZURE_STORAGE seed.
 */
export async function prepareDatabase(app: INestApplication, config: AppConfig): Promise<void> {
  const logger = getLogger('database');
  const dataSource = app.get(DataSource);

  if (config.migrateOnStart) {
    const report = await runMigrations(dataSource);
    if (isOriginalDatabase(report.state)) {
      logger.info({ steps: report.adopted }, `adopted ${report.stateDescription}: ${report.adopted.join(', ') || 'no change needed'}`);
    }
    logger.info({ applied: report.applied }, report.applied.length ? `applied ${report.applied.length} migration(s)` : 'database schema is up to date');
    if (report.state.kind === 'empty' && config.seedExamples) {
      const seeded = await seedExamples(dataSource);
      logger.info({ examples: seeded.created }, `stored ${seeded.created.length} official example templates in the new database`);
    }
  } else {
    logger.info('MIGRATE_ON_START=false: not applying migrations; /readyz reports pending ones');
  }

  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) {
    logger.warn({ pending }, `${pending.length} migration(s) pending: /readyz reports not ready until "restserver migrate" applies them`);
    return;
  }
  if (await seedAzureStorage(dataSource, config.azureStorage)) {
    logger.info('stored the blob record given in AZURE_STORAGE');
  }
}
