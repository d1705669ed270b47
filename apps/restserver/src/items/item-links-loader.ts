import type { EntityManager } from 'typeorm';

import type { ListedItem } from '@openpai-marketplace/shared-types';

export type ItemLinks = Pick<ListedItem, 'ItemTags' | 'ItemCategories'>;

interface LinkRow {
  kind: 'tag' | 'category';
  itemId: string;
  id: string;
  name: string;
  color: string | null;
}

/**
 * Loads the tags and categories linked to each of the given items in one query, oldest link
 * first (then by name, for links made in one statement). A page of results needs them for every
 * item, and each round trip to PostgreSQL costs a busy server more than the rows themselves.
 * The ids go as one array parameter, because PostgreSQL accepts at most 65,535 parameters.
 */
export async function loadItemLinks(manager: EntityManager, itemIds: string[]): Promise<Map<string, ItemLinks>> {
  const links = new Map<string, ItemLinks>();
  if (itemIds.length === 0) {
    return links;
  }

  const rows: LinkRow[] = await manager.query(
    // The link time is sent as a number because it only orders the rows, and parsing thousands
    // of timestamps into dates cost more than parsing the rest of the result.
    `SELECT 'tag' AS kind, link."MarketplaceItemId" AS "itemId", tag.id, tag.name, tag.color, CAST(EXTRACT(EPOCH FROM link."createdAt") AS float8) AS "linkedAt"
       FROM "ItemTagRelation" link JOIN "ItemTags" tag ON tag.id = link."ItemTagId"
      WHERE link."MarketplaceItemId" = ANY($1::varchar[])
     UNION ALL
     SELECT 'category', link."MarketplaceItemId", category.id, category.name, NULL, CAST(EXTRACT(EPOCH FROM link."createdAt") AS float8)
       FROM "ItemCategoryRelation" link JOIN "ItemCategories" category ON category.id = link."ItemCategoryId"
      WHERE link."MarketplaceItemId" = ANY($1::varchar[])
     ORDER BY "linkedAt", name`,
    [itemIds],
  );

  for (const row of rows) {
    let entry = links.get(row.itemId);
    if (!entry) {
      entry = { ItemTags: [], ItemCategories: [] };
      links.set(row.itemId, entry);
    }
    if (row.kind === 'tag') {
      entry.ItemTags.push({ id: row.id, name: row.name, color: row.color });
    } else {
      entry.ItemCategories.push({ id: row.id, name: row.name });
    }
  }
  return links;
}
