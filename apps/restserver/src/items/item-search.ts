import type { SelectQueryBuilder } from 'typeorm';

import type { ItemSort } from '@openpai-marketplace/shared-types';

import type { MarketplaceItem } from './item.entity';

/**
 * The ranking rule of `q`, in one place:
 *   1. an item whose name equals the query (ignoring case) comes first;
 *   2. then by ts_rank_cd over the search document, whose weights are name 1.0, summary 0.4,
 *      tags, categories and author 0.2, description 0.1, every query word matching as a prefix;
 *   3. plus half the trigram similarity of the name to the query, when pg_trgm is installed.
 *      A name at least 0.5 similar to the query matches even without a word in common (a typo);
 *   4. ties: newest first, then by id, so pages never overlap.
 */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

/** Smallest trigram similarity of a name to the query for a match on the name alone. */
const TYPO_SIMILARITY = 0.5;

/** Turns free text into a prefix tsquery (`word:* & word:*`); undefined when it has no word. */
export function prefixQuery(text: string): string | undefined {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 10);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}

/** Narrows to items matching `q` (on alias `item`). Parameters: :searchPrefix, :searchText. */
export function applySearch(builder: SelectQueryBuilder<MarketplaceItem>, q: string, trigrams: boolean): void {
  const prefix = prefixQuery(q);
  const conditions: string[] = [];
  if (prefix) {
    conditions.push(`item."searchDocument" @@ to_tsquery('simple', :searchPrefix)`);
  }
  if (trigrams) {
    // `%` (similarity 0.3 and up, served by the trigram index) lets through most names that share a
    // common word with the query. Requiring 0.5 keeps typo tolerance and leaves fewer rows to rank.
    conditions.push(`(lower(item.name) % lower(:searchText) AND similarity(lower(item.name), lower(:searchText)) >= ${TYPO_SIMILARITY})`);
  }
  builder.andWhere(conditions.length > 0 ? `(${conditions.join(' OR ')})` : 'FALSE', { searchPrefix: prefix ?? '', searchText: q });
}

/** Orders the results; `relevance` without `q` falls back to newest. */
export function applySort(builder: SelectQueryBuilder<MarketplaceItem>, sort: ItemSort, q: string | undefined, trigrams: boolean): void {
  if (sort === 'relevance' && q) {
    const prefix = prefixQuery(q);
    const rank = prefix ? `ts_rank_cd('${RANK_WEIGHTS}', item."searchDocument", to_tsquery('simple', :searchPrefix))` : '0';
    const similarity = trigrams ? ` + 0.5 * similarity(lower(item.name), lower(:searchText))` : '';
    builder.orderBy(`(lower(item.name) = lower(:searchText))`, 'DESC').addOrderBy(`${rank}${similarity}`, 'DESC');
  } else if (sort === 'updated') {
    builder.orderBy('item.updatedAt', 'DESC');
  } else if (sort === 'stars') {
    builder.orderBy('item.starNumber', 'DESC');
  } else if (sort === 'uses') {
    builder.orderBy('item.useNumber', 'DESC');
  } else {
    builder.orderBy('item.createdAt', 'DESC');
  }
  builder.addOrderBy('item.createdAt', 'DESC').addOrderBy('item.id', 'ASC');
}
