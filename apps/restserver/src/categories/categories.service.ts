import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import type { Caller, Category, CreateCategoryRequest, Created, UpdateCategoryRequest } from '@openpai-marketplace/shared-types';

import { NamedRows } from '../common/database/named-rows';
import { CategoryAdminOnlyError, CategoryNameTakenError, CategoryNotFoundError } from './categories.errors';
import { ItemCategory } from './category.entity';

/** Categories: every signed-in user may read them; only admins may create, change or delete them. */
@Injectable()
export class CategoriesService {
  private readonly categories: NamedRows<ItemCategory>;

  constructor(@InjectRepository(ItemCategory) repository: Repository<ItemCategory>) {
    this.categories = new NamedRows(repository, {
      notFound: (id) => new CategoryNotFoundError(id),
      nameTaken: (name, existingId) => new CategoryNameTakenError(name, existingId),
    });
  }

  async list(): Promise<Category[]> {
    return (await this.categories.list()).map(toCategoryResponse);
  }

  async get(categoryId: string): Promise<Category> {
    return toCategoryResponse(await this.categories.findOrFail(categoryId));
  }

  async create(caller: Caller, request: CreateCategoryRequest): Promise<Created> {
    if (!caller.admin) {
      throw new CategoryAdminOnlyError('create');
    }
    const id = await this.categories.create({
      name: request.name,
      description: request.description ?? null,
      extras: request.extras ?? null,
    });
    return { id };
  }

  async update(caller: Caller, categoryId: string, request: UpdateCategoryRequest): Promise<void> {
    if (!caller.admin) {
      throw new CategoryAdminOnlyError('update');
    }
    await this.categories.update(categoryId, request);
  }

  async delete(caller: Caller, categoryId: string): Promise<void> {
    if (!caller.admin) {
      throw new CategoryAdminOnlyError('delete');
    }
    await this.categories.delete(categoryId);
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
