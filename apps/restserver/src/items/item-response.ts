import type { Item, ItemPermissions, ListedItem } from '@openpai-marketplace/shared-types';

import type { MarketplaceItem } from './item.entity';

/** Converts an item row to the original server's field order, adding the caller's permissions. */
export function toItemResponse(item: MarketplaceItem, permissions: ItemPermissions): Item {
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
    copiedFrom: item.copiedFrom,
    permissions,
  };
}

export function toListedItemResponse(
  item: MarketplaceItem,
  permissions: ItemPermissions,
  links: Pick<ListedItem, 'ItemTags' | 'ItemCategories'>,
): ListedItem {
  const { permissions: itemPermissions, copiedFrom, ...columns } = toItemResponse(item, permissions);
  return { ...columns, ItemTags: links.ItemTags, ItemCategories: links.ItemCategories, copiedFrom, permissions: itemPermissions };
}
