import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';

import {
  BlobListQuerySchema,
  CreateBlobRequestSchema,
  ResourceIdSchema,
  UpdateBlobRequestSchema,
  type Blob,
  type BlobListQuery,
  type Caller,
  type CreateBlobRequest,
  type Created,
  type UpdateBlobRequest,
} from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { TextResponse } from '../common/http/text-response.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { BlobsService } from './blobs.service';

const BlobIdPipe = new ZodValidationPipe(ResourceIdSchema, 'path', 'blobId');

@Controller('storages/blobs')
export class BlobsController {
  constructor(private readonly blobsService: BlobsService) {}

  @Get()
  list(@CurrentCaller() caller: Caller, @Query(new ZodValidationPipe(BlobListQuerySchema, 'query')) filters: BlobListQuery): Promise<Blob[]> {
    return this.blobsService.list(caller, filters);
  }

  @Post()
  create(@CurrentCaller() caller: Caller, @Body(new ZodValidationPipe(CreateBlobRequestSchema, 'body')) request: CreateBlobRequest): Promise<Created> {
    return this.blobsService.create(caller, request);
  }

  @Get(':blobId')
  get(@CurrentCaller() caller: Caller, @Param('blobId', BlobIdPipe) blobId: string): Promise<Blob> {
    return this.blobsService.get(caller, blobId);
  }

  @Put(':blobId')
  @TextResponse()
  async update(
    @CurrentCaller() caller: Caller,
    @Param('blobId', BlobIdPipe) blobId: string,
    @Body(new ZodValidationPipe(UpdateBlobRequestSchema, 'body')) request: UpdateBlobRequest,
  ): Promise<string> {
    await this.blobsService.update(caller, blobId, request);
    return 'updated';
  }

  @Delete(':blobId')
  @TextResponse()
  async delete(@CurrentCaller() caller: Caller, @Param('blobId', BlobIdPipe) blobId: string): Promise<string> {
    await this.blobsService.delete(caller, blobId);
    return 'deleted';
  }
}
