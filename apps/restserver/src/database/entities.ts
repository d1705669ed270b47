import { ItemCategoryRelation } from '../categories/item-category-relation.entity';
import { ItemCategory } from '../categories/category.entity';
import { MarketplaceItem } from '../items/item.entity';
import { StarRelation } from '../stars/star-relation.entity';
import { StarringUser } from '../stars/user.entity';
import { BlobRecord } from '../storages/blob.entity';
import { ItemTagRelation } from '../tags/item-tag-relation.entity';
import { ItemTag } from '../tags/tag.entity';

export const ENTITIES = [
  BlobRecord,
  ItemCategory,
  ItemCategoryRelation,
  ItemTag,
  ItemTagRelation,
  MarketplaceItem,
  StarRelation,
  StarringUser,
];
