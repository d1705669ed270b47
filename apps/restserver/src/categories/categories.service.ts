import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';

import type { Caller, CreateCategoryRequest, Created, Category, UpdateCategoryRequest } from '@openpai-marketplace/shared-types';

import { withNameLock } from '../common/database/named-row-lock';
import { ItemCategory } from './category.entity';
import { CategoryAdminOnlyError, CategoryNameTakenError, CategoryNotFoundError } from './categories.errors';

/** Categories: only admins may create, change or delete them; every signed-in user may read them. */
@Injectable()
export class CategoriesService {
  constructor(@InjectRepository(ItemCategory) private readonly categories: Repository<ItemCategory>) {}

  async list(): Promise<Category[]> {
    const rows = await this.categories.find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toCategoryResponse);
  }

  async get(categoryId: string): Promise<Category> {
    return toCategoryResponse(await this.findOrFail(categoryId));
  }

  async create(caller: Caller, request: CreateCategoryRequest): Promise<Created> {
    if (!caller.admin) {
      throw new CategoryAdminOnlyError('create');
    }
    const id = randomUUID();
    await withNameLock(this.categories.manager.connection, 'categories', request.name, async (manager) => {
      await assertNameFree(manager, request.name);
      const now = new Date();
      await manager.insert(ItemCategory, {
        id,
        name: request.name,
        description: request.description ?? null,
        extras: request.extras ?? null,
        createdAt: now,
        updatedAt: now,
      });
    });
    return { id };
  }

  async update(caller: Caller, categoryId: string, request: UpdateCategoryRequest): Promise<void> {
    if (!caller.admin) {
      throw new CategoryAdminOnlyError('update');
    }
    const category = await this.findOrFail(categoryId);
    const newName = request.name !== undefined && request.name !== category.name ? request.name : undefined;
    if (newName === undefined) {
      await this.categories.update({ id: categoryId }, { ...request, updatedAt: new Date() });
      return;
    }
    await withNameLock(this.categories.manager.connection, 'categories', newName, async (manager) => {
      await assertNameFree(manager, newName);
      await manager.update(ItemCategory, { id: categoryId }, { ...request, updatedAt: new Date() });
    });
  }

  async delete(caller: Caller, categoryId: string): Promise<void> {
    if (!caller.admin) {
      throw new CategoryAdminOnlyError('delete');
    }
    await this.findOrFail(categoryId);
    // The foreign keys cascade, so the category's links to items go with it.
    await this.categories.delete({ id: categoryId });
  }

  private async findOrFail(categoryId: string): Promise<ItemCategory> {
    const category = await this.categories.findOneBy({ id: categoryId });
    if (!category) {
      throw new CategoryNotFoundError(categoryId);
    }
    return category;
  }
}

/**
 * New names must be unique. Databases from the original server may already hold duplicates,
 * so this is checked under a lock rather than by a unique index.
 */
async function assertNameFree(manager: EntityManager, name: string): Promise<void> {
  const existing = await manager.findOneBy(ItemCategory, { name });
  if (existing) {
    throw new CategoryNameTakenError(name, existing.id);
  }
}

export function toCategoryResponse(category: ItemCategory): Category {
  return {
    id: category.id,
    name: category.name,
    description: category.description,
    extras: category.extras,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
  };
}
