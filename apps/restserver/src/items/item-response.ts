import type { Item, ItemPermissions, ListedItem } from '@openpai-marketplace/shared-types';

import type { MarketplaceItem } from './item.entity';

/** Converts an item row to the original server's field order, adding the caller's permissions. */
export function toItemResponse(item: MarketplaceItem, permissions: ItemPermissions): Item {
  const response = itemColumns(item) as Item;
  response.copiedFrom = item.copiedFrom;
  response.permissions = permissions;
  return response;
}

/**
 * Converts an item row to a list entry: the same fields, with the item's tags and categories
 * before `copiedFrom`, in the original's list order.
 */
export function toListedItemResponse(
  item: MarketplaceItem,
  permissions: ItemPermissions,
  links: Pick<ListedItem, 'ItemTags' | 'ItemCategories'>,
): ListedItem {
  const entry = itemColumns(item) as ListedItem;
  entry.ItemTags = links.ItemTags;
  entry.ItemCategories = links.ItemCategories;
  entry.copiedFrom = item.copiedFrom;
  entry.permissions = permissions;
  return entry;
}

/**
 * Builds the columns both shapes start with, in order. The callers add their fields by assignment,
 * which keeps JSON's key order: an object spread instead cost about 90 ms more CPU time per
 * unpaged list of 10,000 items when measured on a 2-core machine.
 */
export function itemColumns(item: MarketplaceItem): Omit<Item, 'copiedFrom' | 'permissions'> {
  return {
    id: item.id,
    name: item.name,
    author: item.author,
    type: item.type,
    source: item.source,
    isPublic: item.isPublic,
    isPrivate: item.isPrivate,
    groupList: item.groupList,
    dataType: item.dataType,
    dataUrl: item.dataUrl,
    useBlob: item.useBlob,
    categories: item.categories,
    tags: item.tags,
    summary: item.summary,
    description: item.description,
    protocol: item.protocol,
    useNumber: item.useNumber,
    starNumber: item.starNumber,
    status: item.status,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
