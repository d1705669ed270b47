import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';

import type { Caller, CreateTagRequest, Created, Tag, UpdateTagRequest } from '@openpai-marketplace/shared-types';

import { withNameLock } from '../common/database/named-row-lock';
import { ItemTag } from './tag.entity';
import { TagAdminOnlyError, TagNameTakenError, TagNotFoundError } from './tags.errors';

/** Tags: any signed-in user may create one; only admins may change or delete them. */
@Injectable()
export class TagsService {
  constructor(@InjectRepository(ItemTag) private readonly tags: Repository<ItemTag>) {}

  async list(): Promise<Tag[]> {
    const rows = await this.tags.find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toTagResponse);
  }

  async get(tagId: string): Promise<Tag> {
    return toTagResponse(await this.findOrFail(tagId));
  }

  async create(request: CreateTagRequest): Promise<Created> {
    const id = randomUUID();
    await withNameLock(this.tags.manager.connection, 'tags', request.name, async (manager) => {
      await assertNameFree(manager, request.name);
      const now = new Date();
      await manager.insert(ItemTag, {
        id,
        name: request.name,
        color: request.color ?? null,
        description: request.description ?? null,
        extras: request.extras ?? null,
        createdAt: now,
        updatedAt: now,
      });
    });
    return { id };
  }

  async update(caller: Caller, tagId: string, request: UpdateTagRequest): Promise<void> {
    if (!caller.admin) {
      throw new TagAdminOnlyError('update');
    }
    const tag = await this.findOrFail(tagId);
    const newName = request.name !== undefined && request.name !== tag.name ? request.name : undefined;
    if (newName === undefined) {
      await this.tags.update({ id: tagId }, { ...request, updatedAt: new Date() });
      return;
    }
    await withNameLock(this.tags.manager.connection, 'tags', newName, async (manager) => {
      await assertNameFree(manager, newName);
      await manager.update(ItemTag, { id: tagId }, { ...request, updatedAt: new Date() });
    });
  }

  async delete(caller: Caller, tagId: string): Promise<void> {
    if (!caller.admin) {
      throw new TagAdminOnlyError('delete');
    }
    await this.findOrFail(tagId);
    // The foreign keys cascade, so the tag's links to items go with it.
    await this.tags.delete({ id: tagId });
  }

  private async findOrFail(tagId: string): Promise<ItemTag> {
    const tag = await this.tags.findOneBy({ id: tagId });
    if (!tag) {
      throw new TagNotFoundError(tagId);
    }
    return tag;
  }
}

/**
 * New names must be unique. Databases from the original server may already hold duplicates,
 * so this is checked under a lock rather than by a unique index.
 */
async function assertNameFree(manager: EntityManager, name: string): Promise<void> {
  const existing = await manager.findOneBy(ItemTag, { name });
  if (existing) {
    throw new TagNameTakenError(name, existing.id);
  }
}

export function toTagResponse(tag: ItemTag): Tag {
  return {
    id: tag.id,
    name: tag.name,
    color: tag.color,
    description: tag.description,
    extras: tag.extras,
    createdAt: tag.createdAt.toISOString(),
    updatedAt: tag.updatedAt.toISOString(),
  };
}
