import type { SelectQueryBuilder } from 'typeorm';

import type { ItemSort } from '@openpai-marketplace/shared-types';

import type { MarketplaceItem } from './item.entity';

/**
 * The ranking rule of `q`, in one place. Results come in tiers, best first:
 *   1. the name equals the query, ignoring case;
 *   2. every query word starts a word of the name;
 *   3. every query word starts a word of the name or the summary;
 *   4. every query word starts a word anywhere in the search document (name, summary, tags,
 *      categories, author, description);
 *   5. no word matches, but the name is at least 0.5 trigram-similar to the query (a typo);
 *      only where pg_trgm is installed.
 * Within a tier, newest first, then by id, so pages never overlap.
 *
 * Tiers rather than a score such as ts_rank: a score has to be computed for every match before
 * the first page can be cut, which at 100,000 items and a common word means tens of thousands of
 * rows per request. Each tier is instead read in creation order from an index and stops after one
 * page. The weights of the search document (name A, summary B, the rest C and D) are what let a
 * tier ask "in the name" or "in the name or summary".
 */
export interface SearchTier {
  readonly name: 'exact name' | 'name' | 'name or summary' | 'anywhere' | 'similar name';
  /** SQL condition on alias `item`; uses the parameters of searchParameters(). */
  readonly condition: string;
}

/** Smallest trigram similarity of a name to the query for a match on the name alone. */
const TYPO_SIMILARITY = 0.5;

/** Most words of a query that take part in a search; the rest are ignored. */
const MAX_QUERY_WORDS = 10;

/** Words of free text, lower-cased, as the search document splits them. */
function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, MAX_QUERY_WORDS);
}

/**
 * Turns free text into a prefix tsquery (`word:* & word:*`), optionally restricted to the
 * document's weights (`word:*AB`); undefined when the text has no word.
 */
export function prefixQuery(text: string, weights = ''): string | undefined {
  const words = queryWords(text);
  return words.length > 0 ? words.map((word) => `${word}:*${weights}`).join(' & ') : undefined;
}

/** Named parameters every tier condition may use. */
export function searchParameters(q: string): Record<string, string> {
  return {
    searchText: q,
    searchAnywhere: prefixQuery(q) ?? '',
    searchInName: prefixQuery(q, 'A') ?? '',
    searchInNameOrSummary: prefixQuery(q, 'AB') ?? '',
  };
}

const MATCHES = {
  exactName: `lower(item.name) = lower(:searchText)`,
  inName: `item."searchDocument" @@ to_tsquery('simple', :searchInName)`,
  inNameOrSummary: `item."searchDocument" @@ to_tsquery('simple', :searchInNameOrSummary)`,
  anywhere: `item."searchDocument" @@ to_tsquery('simple', :searchAnywhere)`,
  similarName: `(lower(item.name) % lower(:searchText) AND similarity(lower(item.name), lower(:searchText)) >= ${TYPO_SIMILARITY})`,
};

/** Lists the tiers of the ranking rule above, best first; each excludes the rows of the ones before. */
export function searchTiers(q: string, trigrams: boolean): SearchTier[] {
  const tiers: SearchTier[] = [{ name: 'exact name', condition: MATCHES.exactName }];
  if (prefixQuery(q)) {
    tiers.push(
      { name: 'name', condition: `${MATCHES.inName} AND NOT ${MATCHES.exactName}` },
      { name: 'name or summary', condition: `${MATCHES.inNameOrSummary} AND NOT ${MATCHES.inName} AND NOT ${MATCHES.exactName}` },
      { name: 'anywhere', condition: `${MATCHES.anywhere} AND NOT ${MATCHES.inNameOrSummary} AND NOT ${MATCHES.exactName}` },
    );
  }
  if (trigrams) {
    const noWordMatch = prefixQuery(q) ? ` AND NOT ${MATCHES.anywhere}` : '';
    tiers.push({ name: 'similar name', condition: `${MATCHES.similarName}${noWordMatch} AND NOT ${MATCHES.exactName}` });
  }
  return tiers;
}

/**
 * Conditions whose union is every item matching `q`, whatever its tier: the word matches first,
 * then the typo matches that share no word. A count reads them in this order and can stop early.
 */
export function searchMatchGroups(q: string, trigrams: boolean): string[] {
  const words = prefixQuery(q) ? `(${MATCHES.exactName} OR ${MATCHES.anywhere})` : MATCHES.exactName;
  if (!trigrams) {
    return [words];
  }
  return [words, `(${MATCHES.similarName} AND NOT ${words})`];
}

/** Narrows to every item matching `q`, whatever its tier (on alias `item`). */
export function applySearch(builder: SelectQueryBuilder<MarketplaceItem>, q: string, trigrams: boolean): void {
  builder.andWhere(`(${searchMatchGroups(q, trigrams).join(' OR ')})`, searchParameters(q));
}

/** Orders by one of the non-relevance sorts; ties newest first, then by id, so pages never overlap. */
export function applySort(builder: SelectQueryBuilder<MarketplaceItem>, sort: Exclude<ItemSort, 'relevance'>): void {
  if (sort === 'updated') {
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
