import type { SelectQueryBuilder } from 'typeorm';

import type { Caller, ItemListQuery } from '@openpai-marketplace/shared-types';

import { visibleItemsSql } from './item-access';
import type { MarketplaceItem } from './item.entity';

/**
 * The text `keyword` searches, as indexed by the listing-indexes migration: it must stay the
 * same expression for PostgreSQL to use that index.
 */
const KEYWORD_DOCUMENT_SQL = `(coalesce(item.name, '') || ' ' || coalesce(item.author, '') || ' ' || coalesce(item.summary, ''))`;

/** Escapes LIKE metacharacters so that a keyword matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Splits a comma-separated filter into distinct, trimmed, non-empty names. */
export function splitNames(list: string | undefined): string[] {
  if (list === undefined) {
    return [];
  }
  return [...new Set(list.split(',').map((name) => name.trim()).filter(Boolean))];
}

/**
 * Narrows a query over "MarketplaceItems" (alias `item`) to the rows the caller may see that
 * match every filter given. Empty filters are ignored, as old clients send them.
 */
export function applyItemFilters(
  builder: SelectQueryBuilder<MarketplaceItem>,
  caller: Caller,
  filters: ItemListQuery,
): SelectQueryBuilder<MarketplaceItem> {
  const visibility = visibleItemsSql('item', caller);
  builder.where(visibility.condition, visibility.parameters);

  if (filters.name) {
    builder.andWhere('item.name = :name', { name: filters.name });
  }
  if (filters.author) {
    builder.andWhere('item.author = :author', { author: filters.author });
  }
  if (filters.type && filters.type !== 'all') {
    builder.andWhere('item.type = :type', { type: filters.type });
  }
  if (filters.source) {
    builder.andWhere('item.source = :source', { source: filters.source });
  }
  if (filters.keyword) {
    // The first condition can use the trigram index of the listing-indexes migration, because
    // every row the second matches also matches it. The second keeps a match within one column.
    builder.andWhere(
      `(${KEYWORD_DOCUMENT_SQL} ILIKE :keyword ESCAPE '\\' AND (item.name ILIKE :keyword ESCAPE '\\' OR item.author ILIKE :keyword ESCAPE '\\' OR item.summary ILIKE :keyword ESCAPE '\\'))`,
      { keyword: `%${escapeLike(filters.keyword)}%` },
    );
  }

  const tagNames = splitNames(filters.tag);
  if (tagNames.length > 0) {
    builder.andWhere(
      `(SELECT count(DISTINCT tag.name) FROM "ItemTagRelation" link JOIN "ItemTags" tag ON tag.id = link."ItemTagId"
        WHERE link."MarketplaceItemId" = item.id AND tag.name = ANY(:tagNames)) = :tagCount`,
      { tagNames, tagCount: tagNames.length },
    );
  }

  const categoryNames = splitNames(filters.category);
  if (categoryNames.length > 0) {
    builder.andWhere(
      `(SELECT count(DISTINCT category.name) FROM "ItemCategoryRelation" link JOIN "ItemCategories" category ON category.id = link."ItemCategoryId"
        WHERE link."MarketplaceItemId" = item.id AND category.name = ANY(:categoryNames)) = :categoryCount`,
      { categoryNames, categoryCount: categoryNames.length },
    );
  }

  return builder;
}
