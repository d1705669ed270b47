import { randomUUID } from 'node:crypto';

import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { BlobRecord } from './blob.entity';

/**
 * Stores the AZURE_STORAGE record when the Blobs table is empty, as the original server did
 * when it created its tables (container `marketplace`, one empty token and user). A table
 * that already has rows is left alone, so a record an admin deleted is not brought back
 * unless every record was deleted.
 */
export async function seedAzureStorage(dataSource: DataSource, storage: AppConfig['azureStorage']): Promise<boolean> {
  if (!storage) {
    return false;
  }
  const blobs = dataSource.getRepository(BlobRecord);
  if ((await blobs.count()) > 0) {
    return false;
  }

  const now = new Date();
  await blobs.insert({
    id: randomUUID(),
    type: storage.type,
    storageAccount: storage.storageAccount,
    containerName: 'marketplace',
    connectionStrings: [...storage.connectionStrings],
    tokens: [''],
    users: [''],
    createdAt: now,
    updatedAt: now,
  });
  return true;
}
