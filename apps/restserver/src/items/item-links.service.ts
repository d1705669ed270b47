import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { OFFICIAL_EXAMPLE_CATEGORY, type Caller, type LinkedCategory, type LinkedTag } from '@openpai-marketplace/shared-types';

import { ItemCategory } from '../categories/category.entity';
import { CategoryNotFoundError, OfficialExampleAdminOnlyError } from '../categories/categories.errors';
import { toCategoryResponse } from '../categories/categories.service';
import { ItemCategoryRelation } from '../categories/item-category-relation.entity';
import { ItemTagRelation } from '../tags/item-tag-relation.entity';
import { ItemTag } from '../tags/tag.entity';
import { toTagResponse } from '../tags/tags.service';
import { TagNotFoundError } from '../tags/tags.errors';
import { ItemsService } from './items.service';

/**
 * Links between items and tags or categories. Reading the links needs the item to be visible;
 * changing them needs the right to edit it, and linking `official example` needs an admin.
 */
@Injectable()
export class ItemLinksService {
  constructor(
    private readonly itemsService: ItemsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async listTags(caller: Caller, itemId: string): Promise<LinkedTag[]> {
    await this.itemsService.findVisible(caller, itemId);
    const rows = await this.dataSource
      .createQueryBuilder(ItemTagRelation, 'link')
      .innerJoinAndMapOne('link.tag', ItemTag, 'tag', 'tag.id = link.ItemTagId')
      .where('link.MarketplaceItemId = :itemId', { itemId })
      .orderBy('link.createdAt', 'ASC')
      .getMany();

    return rows.map((link) => {
      const tag = (link as ItemTagRelation & { tag: ItemTag }).tag;
      return {
        ...toTagResponse(tag),
        ItemTagRelation: {
          createdAt: link.createdAt.toISOString(),
          updatedAt: link.updatedAt.toISOString(),
          MarketplaceItemId: link.MarketplaceItemId,
          ItemTagId: link.ItemTagId,
        },
      };
    });
  }

  async listCategories(caller: Caller, itemId: string): Promise<LinkedCategory[]> {
    await this.itemsService.findVisible(caller, itemId);
    const rows = await this.dataSource
      .createQueryBuilder(ItemCategoryRelation, 'link')
      .innerJoinAndMapOne('link.category', ItemCategory, 'category', 'category.id = link.ItemCategoryId')
      .where('link.MarketplaceItemId = :itemId', { itemId })
      .orderBy('link.createdAt', 'ASC')
      .getMany();

    return rows.map((link) => {
      const category = (link as ItemCategoryRelation & { category: ItemCategory }).category;
      return {
        ...toCategoryResponse(category),
        ItemCategoryRelation: {
          createdAt: link.createdAt.toISOString(),
          updatedAt: link.updatedAt.toISOString(),
          MarketplaceItemId: link.MarketplaceItemId,
          ItemCategoryId: link.ItemCategoryId,
        },
      };
    });
  }

  /** Links a tag; linking one that is already linked succeeds and changes nothing. */
  async addTag(caller: Caller, itemId: string, tagId: string): Promise<void> {
    await this.itemsService.findEditable(caller, itemId);
    if (!(await this.dataSource.getRepository(ItemTag).existsBy({ id: tagId }))) {
      throw new TagNotFoundError(tagId);
    }
    await this.insertLink(ItemTagRelation, { MarketplaceItemId: itemId, ItemTagId: tagId });
  }

  async removeTag(caller: Caller, itemId: string, tagId: string): Promise<void> {
    await this.itemsService.findEditable(caller, itemId);
    await this.dataSource.getRepository(ItemTagRelation).delete({ MarketplaceItemId: itemId, ItemTagId: tagId });
  }

  /** Links a category; linking one that is already linked succeeds and changes nothing. */
  async addCategory(caller: Caller, itemId: string, categoryId: string): Promise<void> {
    await this.itemsService.findEditable(caller, itemId);
    const category = await this.dataSource.getRepository(ItemCategory).findOneBy({ id: categoryId });
    if (!category) {
      throw new CategoryNotFoundError(categoryId);
    }
    if (category.name === OFFICIAL_EXAMPLE_CATEGORY && !caller.admin) {
      throw new OfficialExampleAdminOnlyError();
    }
    await this.insertLink(ItemCategoryRelation, { MarketplaceItemId: itemId, ItemCategoryId: categoryId });
  }

  async removeCategory(caller: Caller, itemId: string, categoryId: string): Promise<void> {
    await this.itemsService.findEditable(caller, itemId);
    await this.dataSource.getRepository(ItemCategoryRelation).delete({ MarketplaceItemId: itemId, ItemCategoryId: categoryId });
  }

  private async insertLink<Link extends ItemTagRelation | ItemCategoryRelation>(
    entity: new () => Link,
    keys: Omit<Link, 'createdAt' | 'updatedAt'>,
  ): Promise<void> {
    const now = new Date();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values({ ...keys, createdAt: now, updatedAt: now } as never)
      .orIgnore()
      .execute();
  }
}
