import type { SelectQueryBuilder } from 'typeorm';

import type { ItemPage } from '@openpai-marketplace/shared-types';

import { ItemCategory } from '../categories/category.entity';
import { ItemCategoryRelation } from '../categories/item-category-relation.entity';
import { ItemTagRelation } from '../tags/item-tag-relation.entity';
import { ItemTag } from '../tags/tag.entity';
import type { MarketplaceItem } from './item.entity';

/**
 * Counts the results of a filtered query (before paging) by type, source, tag and category.
 * The counts come from the same query, visibility included, so a hidden item never shows up
 * in a count.
 */
export async function countFacets(filtered: SelectQueryBuilder<MarketplaceItem>): Promise<NonNullable<ItemPage['facets']>> {
  const byColumn = async (column: 'type' | 'source') =>
    toRecord(await filtered.clone().select(`item.${column}`, 'value').addSelect('count(*)', 'count').groupBy(`item.${column}`).orderBy().getRawMany());

  const tag = await countLinked(filtered, ItemTagRelation, ItemTag, 'ItemTagId');
  const category = await countLinked(filtered, ItemCategoryRelation, ItemCategory, 'ItemCategoryId');

  return { type: await byColumn('type'), source: await byColumn('source'), tag, category };
}

/** Counts the filtered items linked to each tag or category, by its name. */
async function countLinked(
  filtered: SelectQueryBuilder<MarketplaceItem>,
  link: typeof ItemTagRelation | typeof ItemCategoryRelation,
  label: typeof ItemTag | typeof ItemCategory,
  labelIdColumn: 'ItemTagId' | 'ItemCategoryId',
): Promise<Record<string, number>> {
  const rows = await filtered
    .clone()
    .innerJoin(link, 'facetLink', 'facetLink.MarketplaceItemId = item.id')
    .innerJoin(label, 'facetLabel', `facetLabel.id = facetLink.${labelIdColumn}`)
    .select('facetLabel.name', 'value')
    .addSelect('count(DISTINCT item.id)', 'count')
    .groupBy('facetLabel.name')
    .orderBy()
    .getRawMany();
  return toRecord(rows);
}

function toRecord(rows: { value: string | null; count: string }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.value ?? '', Number(row.count)]));
}
