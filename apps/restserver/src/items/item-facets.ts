import type { SelectQueryBuilder } from 'typeorm';

import type { ItemPage } from '@openpai-marketplace/shared-types';

import type { MarketplaceItem } from './item.entity';

type Facets = NonNullable<ItemPage['facets']>;

/**
 * Counts the results of a filtered query (before paging) by type, source, tag and category.
 * The counts come from the same query, visibility included, so a hidden item never shows up in a
 * count. One statement reads the matching rows once and counts all four from them: at 100,000
 * items, reading the matches is most of the cost, and four separate counts read them four times.
 */
export async function countFacets(filtered: SelectQueryBuilder<MarketplaceItem>): Promise<Facets> {
  const [matchesSql, parameters] = filtered
    .clone()
    .select('item.id', 'id')
    .addSelect('item.type', 'type')
    .addSelect('item.source', 'source')
    .orderBy()
    .offset(undefined)
    .limit(undefined)
    .getQueryAndParameters();

  const rows: { facet: keyof Facets; value: string | null; count: number }[] = await filtered.connection.query(
    `WITH matches AS MATERIALIZED (${matchesSql})
     SELECT 'type' AS facet, type AS value, count(*)::int AS count FROM matches GROUP BY type
     UNION ALL
     SELECT 'source', CAST(source AS text), count(*)::int FROM matches GROUP BY source
     UNION ALL
     SELECT 'tag', tag.name, count(DISTINCT matches.id)::int FROM matches
       JOIN "ItemTagRelation" link ON link."MarketplaceItemId" = matches.id JOIN "ItemTags" tag ON tag.id = link."ItemTagId"
      GROUP BY tag.name
     UNION ALL
     SELECT 'category', category.name, count(DISTINCT matches.id)::int FROM matches
       JOIN "ItemCategoryRelation" link ON link."MarketplaceItemId" = matches.id JOIN "ItemCategories" category ON category.id = link."ItemCategoryId"
      GROUP BY category.name`,
    parameters,
  );

  const facets: Facets = { type: {}, source: {}, tag: {}, category: {} };
  for (const row of rows) {
    facets[row.facet][row.value ?? ''] = row.count;
  }
  return facets;
}
