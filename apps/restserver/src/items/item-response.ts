import type { Item, ItemPermissions, ListedItem } from '@openpai-marketplace/shared-types';

import type { MarketplaceItem } from './item.entity';

/** Converts an item row to the original server's field order, adding the caller's permissions. */
export function toItemResponse(item: MarketplaceItem, permissions: ItemPermissions): Item {
  return { ...rowColumns(item), copiedFrom: item.copiedFrom, permissions };
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
  return { ...rowColumns(item), ItemTags: links.ItemTags, ItemCategories: links.ItemCategories, copiedFrom: item.copiedFrom, permissions };
}

/** The columns both shapes start with, in order. */
function rowColumns(item: MarketplaceItem): Omit<Item, 'copiedFrom' | 'permissions'> {
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
