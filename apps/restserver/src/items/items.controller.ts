import { Readable } from 'node:stream';

import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';

import {
  CreateItemRequestSchema,
  ItemListQuerySchema,
  ResourceIdSchema,
  UpdateItemRequestSchema,
  type Caller,
  type CreateItemRequest,
  type Created,
  type Item,
  type ItemListQuery,
  type ItemPage,
  type UpdateItemRequest,
} from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { getLogger } from '../common/logging/logger';
import { TextResponse } from '../common/http/text-response.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { itemETag } from './item-etag';
import { ItemsService } from './items.service';

const ItemIdPipe = new ZodValidationPipe(ResourceIdSchema, 'path', 'itemId');
const unpagedListLogger = getLogger('items');

@Controller('items')
export class ItemsController {
  constructor(private readonly itemsService: ItemsService) {}

  /** Without `limit` or `offset`, the original's bare array of every match, sent as it is read. */
  @Get()
  async list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodValidationPipe(ItemListQuerySchema, 'query')) filters: ItemListQuery,
  ): Promise<ItemPage | StreamableFile> {
    if (filters.limit !== undefined || filters.offset !== undefined) {
      return this.itemsService.listPage(caller, filters);
    }
    const json = await this.itemsService.listUnpaged(caller, filters);
    return new StreamableFile(Readable.from(json), { type: 'application/json; charset=utf-8' })
      .setErrorLogger((error) =>
        unpagedListLogger.error({ err: error, user: caller.username }, `unpaged GET /items failed after it started sending, so the response was cut short: ${error.message}`),
      )
      .setErrorHandler((_error, response) => {
        // Destroying the connection, rather than ending the response, lets the client see that the
        // array is incomplete instead of a well-formed HTTP response with broken JSON.
        (response as unknown as Response).destroy();
      });
  }

  @Post()
  create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(CreateItemRequestSchema, 'body')) request: CreateItemRequest,
  ): Promise<Created> {
    return this.itemsService.create(caller, request);
  }

  /** One item, with an ETag that a later PUT or DELETE can send back in If-Match. */
  @Get(':itemId')
  async get(
    @CurrentCaller() caller: Caller,
    @Param('itemId', ItemIdPipe) itemId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Item> {
    const item = await this.itemsService.get(caller, itemId);
    // The tag covers the editable fields, not starNumber, useNumber or starred, so a 304 from
    // Express's If-None-Match handling could hide a changed count: that header is ignored here.
    delete request.headers['if-none-match'];
    response.setHeader('ETag', itemETag(item.updatedAt));
    return item;
  }

  @Put(':itemId')
  @HttpCode(200)
  @TextResponse()
  async update(
    @CurrentCaller() caller: Caller,
    @Param('itemId', ItemIdPipe) itemId: string,
    @Body(new ZodValidationPipe(UpdateItemRequestSchema, 'body')) request: UpdateItemRequest,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<string> {
    await this.itemsService.update(caller, itemId, request, ifMatch);
    return 'updated';
  }

  @Delete(':itemId')
  @TextResponse()
  async delete(
    @CurrentCaller() caller: Caller,
    @Param('itemId', ItemIdPipe) itemId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<string> {
    await this.itemsService.delete(caller, itemId, ifMatch);
    return 'deleted';
  }
}
