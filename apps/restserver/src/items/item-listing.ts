import type { SelectQueryBuilder } from 'typeorm';

import { ITEM_VERSION_SQL } from './item-json-cache';
import { searchMatchGroups, searchParameters, searchTiers } from './item-search';
import type { MarketplaceItem } from './item.entity';

/**
 * Reads items for `GET /items` as plain rows with exactly the entity's fields. Listing is where
 * the server spends most of its time. Building entity objects for thousands of rows took several
 * times longer than the query itself, so the rows here go straight to the response mapping.
 */

/** Every column of an item response; the search document stays in the database. */
export const ITEM_COLUMNS = [
  'id', 'name', 'author', 'type', 'source', 'isPublic', 'isPrivate', 'groupList', 'dataType', 'dataUrl', 'useBlob', 'categories', 'tags',
  'summary', 'description', 'protocol', 'useNumber', 'starNumber', 'status', 'createdAt', 'updatedAt', 'copiedFrom',
] as const satisfies readonly (keyof MarketplaceItem)[];

/** Columns to read, plus SQL expressions to read under an alias. */
export interface Selection {
  readonly columns: readonly (keyof MarketplaceItem)[];
  readonly expressions?: Readonly<Record<string, string>>;
}

export const FULL_ROWS: Selection = { columns: ITEM_COLUMNS };

/**
 * A row of the unpaged list before its cached JSON is looked up: what changes without an edit
 * (the counters), what permissions need, and the version that identifies the cached JSON.
 */
export type ListRow = Pick<MarketplaceItem, 'id' | 'author' | 'isPublic' | 'isPrivate' | 'groupList' | 'useNumber' | 'starNumber' | 'copiedFrom'> & {
  version: string;
};

export const LIST_ROWS: Selection = {
  columns: ['id', 'author', 'isPublic', 'isPrivate', 'groupList', 'useNumber', 'starNumber', 'copiedFrom'],
  expressions: { version: ITEM_VERSION_SQL },
};

/** Rows read per query of the unpaged list; bounds the memory one list request holds. */
export const UNPAGED_BATCH_SIZE = 1000;

/** Reads the rows of a query over alias `item` without building entities. */
export function readRows<Row = MarketplaceItem>(builder: SelectQueryBuilder<MarketplaceItem>, selection: Selection = FULL_ROWS): Promise<Row[]> {
  const [first, ...rest] = selection.columns;
  const selecting = builder.clone().select(`item.${first}`, first);
  for (const column of rest) {
    selecting.addSelect(`item.${column}`, column);
  }
  for (const [alias, expression] of Object.entries(selection.expressions ?? {})) {
    selecting.addSelect(expression, alias);
  }
  return selecting.getRawMany<Row>();
}

/** Counts the rows of a query up to `limit`; `exact` is false when there are more. */
export async function countUpTo(builder: SelectQueryBuilder<MarketplaceItem>, limit: number): Promise<{ total: number; exact: boolean }> {
  // Ordering by creation lets PostgreSQL walk the creation index and stop at the limit. Without
  // it, a common search word makes PostgreSQL build a bitmap of every match first.
  const [sql, parameters] = builder
    .clone()
    .select('1', 'one')
    .orderBy('item.createdAt', 'DESC')
    .addOrderBy('item.id', 'ASC')
    .limit(limit + 1)
    .getQueryAndParameters();
  const [{ count }] = await builder.connection.query(`SELECT count(*)::int AS count FROM (${sql}) counted`, parameters);
  return count > limit ? { total: limit, exact: false } : { total: count, exact: true };
}

/** Counts the items matching `q` up to `limit`, the word matches first (see searchMatchGroups). */
export async function countSearchUpTo(
  filtered: SelectQueryBuilder<MarketplaceItem>,
  q: string,
  trigrams: boolean,
  limit: number,
): Promise<{ total: number; exact: boolean }> {
  let total = 0;
  for (const group of searchMatchGroups(q, trigrams)) {
    const counted = await countUpTo(filtered.clone().andWhere(group, searchParameters(q)), limit - total);
    total += counted.total;
    if (!counted.exact) {
      return { total: limit, exact: false };
    }
  }
  return { total, exact: true };
}

/**
 * Reads one page of a ranked search: tier by tier (see item-search.ts), each in creation order,
 * until the page is full. Without `limit`, reads every match.
 */
export async function readRankedPage<Row = MarketplaceItem>(
  filtered: SelectQueryBuilder<MarketplaceItem>,
  q: string,
  trigrams: boolean,
  offset: number,
  limit?: number,
  selection: Selection = FULL_ROWS,
): Promise<Row[]> {
  const rows: Row[] = [];
  let skip = offset;

  for (const tier of searchTiers(q, trigrams)) {
    const remaining = limit === undefined ? undefined : limit - rows.length;
    if (remaining === 0) {
      break;
    }
    const inTier = newestFirst(filtered.clone().andWhere(`(${tier.condition})`, searchParameters(q)));
    const found = await readRows<Row>(inTier.clone().offset(skip).limit(remaining), selection);
    rows.push(...found);

    // No rows at an offset means the tier is shorter than the offset, so skip all of its rows.
    if (found.length > 0 || skip === 0) {
      skip = 0;
    } else {
      skip -= (await countUpTo(inTier, skip)).total;
    }
  }
  return rows;
}

/**
 * Yields the newest-first list in batches, each its own query that continues after the last row
 * of the one before, so no connection is held while a slow client reads. Between batches the
 * list is not one snapshot: an item created meanwhile is newer than the cursor and left out, an
 * item deleted meanwhile may or may not appear, as with any paging.
 */
export async function* readNewestInBatches<Row extends { id: string }>(
  filtered: SelectQueryBuilder<MarketplaceItem>,
  selection: Selection,
  batchSize = UNPAGED_BATCH_SIZE,
): AsyncGenerator<Row[]> {
  // The cursor keeps PostgreSQL's own text of the timestamp: a JavaScript Date would drop the
  // microseconds and skip rows created within the same millisecond.
  const withCursor: Selection = { ...selection, expressions: { ...selection.expressions, cursorCreatedAt: 'CAST(item.createdAt AS text)' } };
  let after: { createdAt: string; id: string } | undefined;

  for (;;) {
    const batch = newestFirst(filtered.clone()).limit(batchSize);
    if (after) {
      batch.andWhere(
        '(item.createdAt < CAST(:afterCreatedAt AS timestamptz) OR (item.createdAt = CAST(:afterCreatedAt AS timestamptz) AND item.id > :afterId))',
        { afterCreatedAt: after.createdAt, afterId: after.id },
      );
    }
    const rows = await readRows<Row & { cursorCreatedAt: string }>(batch, withCursor);
    if (rows.length === 0) {
      return;
    }
    yield rows;
    if (rows.length < batchSize) {
      return;
    }
    const last = rows[rows.length - 1];
    after = { createdAt: last.cursorCreatedAt, id: last.id };
  }
}

function newestFirst(builder: SelectQueryBuilder<MarketplaceItem>): SelectQueryBuilder<MarketplaceItem> {
  return builder.orderBy('item.createdAt', 'DESC').addOrderBy('item.id', 'ASC');
}
