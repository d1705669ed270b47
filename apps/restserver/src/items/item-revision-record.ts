import type { EntityManager } from 'typeorm';

import { REVISED_FIELDS } from '@openpai-marketplace/shared-types';

import type { MarketplaceItem } from './item.entity';

export type Snapshot = Record<string, unknown>;

/**
 * Keeps the item as it is now as its next revision, in the caller's transaction, before it
 * changes. The row is locked and read again, so concurrent edits each record the state they
 * replaced and never pick the same revision number.
 */
export async function recordRevision(manager: EntityManager, itemId: string, changedBy: string): Promise<void> {
  const columns = REVISED_FIELDS.map((field) => `"${field}"`).join(', ');
  const [current] = await manager.query(`SELECT ${columns} FROM "MarketplaceItems" WHERE id = $1 FOR UPDATE`, [itemId]);
  await manager.query(
    `INSERT INTO "ItemRevisions" ("MarketplaceItemId", revision, snapshot, "changedBy", "changedAt")
     SELECT $1::varchar, COALESCE(MAX(revision), 0) + 1, $2::jsonb, $3::varchar, now() FROM "ItemRevisions" WHERE "MarketplaceItemId" = $1::varchar`,
    [itemId, JSON.stringify(current), changedBy],
  );
}

export function snapshotOf(item: MarketplaceItem): Snapshot {
  return Object.fromEntries(REVISED_FIELDS.map((field) => [field, item[field]]));
}
