import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { getLogger } from '../common/logging/logger';
import { seedAzureStorage } from '../storages/azure-storage-seed';
import { runMigrations } from './run-migrations';

/** Start-up work on the database: pending migrations (unless turned off), then the AZURE_STORAGE seed. */
export async function prepareDatabase(app: INestApplication, config: AppConfig): Promise<void> {
  const logger = getLogger('database');
  const dataSource = app.get(DataSource);

  if (config.migrateOnStart) {
    const report = await runMigrations(dataSource);
    logger.info({ applied: report.applied }, report.applied.length ? `applied ${report.applied.length} migration(s)` : 'database schema is up to date');
  } else {
    logger.info('MIGRATE_ON_START=false: not applying migrations; /readyz reports pending ones');
  }

  if (await seedAzureStorage(dataSource, config.azureStorage)) {
    logger.info('stored the blob record given in AZURE_STORAGE');
  }
}
