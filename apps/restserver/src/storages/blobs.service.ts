import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import type { Blob, BlobListQuery, Caller, CreateBlobRequest, Created, UpdateBlobRequest } from '@openpai-marketplace/shared-types';

import { BlobRecord } from './blob.entity';
import { BlobAdminOnlyError, BlobNotFoundError } from './storages.errors';

/** Blob storage connection records. They hold secrets, so every route is for admins only. */
@Injectable()
export class BlobsService {
  constructor(@InjectRepository(BlobRecord) private readonly blobs: Repository<BlobRecord>) {}

  async list(caller: Caller, filters: BlobListQuery): Promise<Blob[]> {
    assertAdmin(caller);
    const builder = this.blobs.createQueryBuilder('blob').orderBy('blob.createdAt', 'ASC').addOrderBy('blob.id', 'ASC');

    // Empty values mean "no filter": the original web portal sends `username=` for some users.
    if (filters.type) {
      builder.andWhere('blob.type = :type', { type: filters.type });
    }
    if (filters.storageAccount) {
      builder.andWhere('blob.storageAccount = :storageAccount', { storageAccount: filters.storageAccount });
    }
    if (filters.containerName) {
      builder.andWhere('blob.containerName = :containerName', { containerName: filters.containerName });
    }
    const user = filters.user || filters.username;
    if (user) {
      builder.andWhere(':user = ANY(blob.users)', { user });
    }

    return (await builder.getMany()).map(toBlobResponse);
  }

  async get(caller: Caller, blobId: string): Promise<Blob> {
    assertAdmin(caller);
    return toBlobResponse(await this.findOrFail(blobId));
  }

  async create(caller: Caller, request: CreateBlobRequest): Promise<Created> {
    assertAdmin(caller);
    const id = randomUUID();
    const now = new Date();
    await this.blobs.insert({
      id,
      type: request.type,
      storageAccount: request.storageAccount,
      containerName: request.containerName,
      connectionStrings: request.connectionStrings,
      tokens: request.tokens ?? null,
      users: request.users ?? null,
      createdAt: now,
      updatedAt: now,
    });
    return { id };
  }

  async update(caller: Caller, blobId: string, request: UpdateBlobRequest): Promise<void> {
    assertAdmin(caller);
    await this.findOrFail(blobId);
    await this.blobs.update({ id: blobId }, { ...request, updatedAt: new Date() });
  }

  async delete(caller: Caller, blobId: string): Promise<void> {
    assertAdmin(caller);
    await this.findOrFail(blobId);
    await this.blobs.delete({ id: blobId });
  }

  private async findOrFail(blobId: string): Promise<BlobRecord> {
    const blob = await this.blobs.findOneBy({ id: blobId });
    if (!blob) {
      throw new BlobNotFoundError(blobId);
    }
    return blob;
  }
}

function assertAdmin(caller: Caller): void {
  if (!caller.admin) {
    throw new BlobAdminOnlyError();
  }
}

function toBlobResponse(blob: BlobRecord): Blob {
  return {
    id: blob.id,
    type: blob.type,
    storageAccount: blob.storageAccount,
    containerName: blob.containerName,
    connectionStrings: blob.connectionStrings,
    tokens: blob.tokens,
    users: blob.users,
    createdAt: blob.createdAt.toISOString(),
    updatedAt: blob.updatedAt.toISOString(),
  };
}
