import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import type { Caller, CreateTagRequest, Created, Tag, UpdateTagRequest } from '@openpai-marketplace/shared-types';

import { NamedRows } from '../common/database/named-rows';
import { ItemTag } from './tag.entity';
import { TagAdminOnlyError, TagNameTakenError, TagNotFoundError } from './tags.errors';

/** Tags: any signed-in user may create one; only admins may change or delete them. */
@Injectable()
export class TagsService {
  private readonly tags: NamedRows<ItemTag>;

  constructor(@InjectRepository(ItemTag) repository: Repository<ItemTag>) {
    this.tags = new NamedRows(repository, {
      notFound: (id) => new TagNotFoundError(id),
      nameTaken: (name, existingId) => new TagNameTakenError(name, existingId),
    });
  }

  async list(): Promise<Tag[]> {
    return (await this.tags.list()).map(toTagResponse);
  }

  async get(tagId: string): Promise<Tag> {
    return toTagResponse(await this.tags.findOrFail(tagId));
  }

  async create(request: CreateTagRequest): Promise<Created> {
    const id = await this.tags.create({
      name: request.name,
      color: request.color ?? null,
      description: request.description ?? null,
      extras: request.extras ?? null,
    });
    return { id };
  }

  async update(caller: Caller, tagId: string, request: UpdateTagRequest): Promise<void> {
    if (!caller.admin) {
      throw new TagAdminOnlyError('update');
    }
    await this.tags.update(tagId, request);
  }

  async delete(caller: Caller, tagId: string): Promise<void> {
    if (!caller.admin) {
      throw new TagAdminOnlyError('delete');
    }
    await this.tags.delete(tagId);
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
