import type { EntityManager } from 'typeorm';

import { ItemChangedError } from './items.errors';

/**
 * Returns the strong entity tag of an item's editable state: its `updatedAt` in milliseconds,
 * quoted. Of the API's routes only PUT /items/:id moves `updatedAt`, and ITEM_UPDATED_AT_SQL
 * makes every PUT move it forward by at least a millisecond, so the tag changes with each edit.
 * Stars, launches and links leave it alone, so that a star does not fail someone's edit with 412.
 */
export function itemETag(updatedAt: Date | string): string {
  return `"${new Date(updatedAt).getTime()}"`;
}

/**
 * SQL for the `updatedAt` of an edited item: now, but at least a millisecond after the previous
 * value, since two edits within one millisecond (or a clock step back) would otherwise share a tag.
 */
export const ITEM_UPDATED_AT_SQL = `GREATEST(date_trunc('milliseconds', clock_timestamp()), "updatedAt" + interval '1 millisecond')`;

/**
 * Tells whether an If-Match header value matches the current tag, with the strong comparison
 * that HTTP prescribes for If-Match (RFC 7232): `*` matches any current item, and a weak tag
 * (`W/"…"`) never matches.
 */
export function ifMatchAccepts(header: string, currentTag: string): boolean {
  if (header.trim() === '*') {
    return true;
  }
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === currentTag);
}

/**
 * Locks the item's row for the rest of the caller's transaction and throws ItemChangedError (412)
 * unless `ifMatch` matches its current tag. The lock makes the check and the change one step,
 * so of two requests sent with the same tag, from any number of replicas, exactly one succeeds.
 */
export async function lockAndCheckIfMatch(manager: EntityManager, itemId: string, ifMatch: string): Promise<void> {
  const [row]: { updatedAt: Date }[] = await manager.query(`SELECT "updatedAt" FROM "MarketplaceItems" WHERE id = $1 FOR UPDATE`, [itemId]);
  // An item deleted since the caller loaded it has no current tag, so no If-Match can match it.
  const currentTag = row ? itemETag(row.updatedAt) : undefined;
  if (!currentTag || !ifMatchAccepts(ifMatch, currentTag)) {
    throw new ItemChangedError(itemId, ifMatch, currentTag);
  }
}
