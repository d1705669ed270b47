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

  const tag = await filtered
    .clone()
    .innerJoin(ItemTagRelation, 'facetTagLink', 'facetTagLink.MarketplaceItemId = item.id')
    .innerJoin(ItemTag, 'facetTag', 'facetTag.id = facetTagLink.ItemTagId')
    .select('facetTag.name', 'value')
    .addSelect('count(DISTINCT item.id)', 'count')
    .groupBy('facetTag.name')
    .orderBy()
    .getRawMany();
  const category = await filtered
    .clone()
    .innerJoin(ItemCategoryRelation, 'facetCategoryLink', 'facetCategoryLink.MarketplaceItemId = item.id')
    .innerJoin(ItemCategory, 'facetCategory', 'facetCategory.id = facetCategoryLink.ItemCategoryId')
    .select('facetCategory.name', 'value')
    .addSelect('count(DISTINCT item.id)', 'count')
    .groupBy('facetCategory.name')
    .orderBy()
    .getRawMany();

  return { type: await byColumn('type'), source: await byColumn('source'), tag: toRecord(tag), category: toRecord(category) };
}

function toRecord(rows: { value: string | null; count: string }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.value ?? '', Number(row.count)]));
}
