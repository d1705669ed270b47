import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';

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
  type ListedItem,
  type UpdateItemRequest,
} from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { TextResponse } from '../common/http/text-response.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { ItemsService } from './items.service';

const ItemIdPipe = new ZodValidationPipe(ResourceIdSchema, 'path', 'itemId');

@Controller('items')
export class ItemsController {
  constructor(private readonly itemsService: ItemsService) {}

  @Get()
  list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodValidationPipe(ItemListQuerySchema, 'query')) filters: ItemListQuery,
  ): Promise<ListedItem[] | ItemPage> {
    return this.itemsService.list(caller, filters);
  }

  @Post()
  create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(CreateItemRequestSchema, 'body')) request: CreateItemRequest,
  ): Promise<Created> {
    return this.itemsService.create(caller, request);
  }

  @Get(':itemId')
  get(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<Item> {
    return this.itemsService.get(caller, itemId);
  }

  @Put(':itemId')
  @HttpCode(200)
  @TextResponse()
  async update(
    @CurrentCaller() caller: Caller,
    @Param('itemId', ItemIdPipe) itemId: string,
    @Body(new ZodValidationPipe(UpdateItemRequestSchema, 'body')) request: UpdateItemRequest,
  ): Promise<string> {
    await this.itemsService.update(caller, itemId, request);
    return 'updated';
  }

  @Delete(':itemId')
  @TextResponse()
  async delete(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<string> {
    await this.itemsService.delete(caller, itemId);
    return 'deleted';
  }
}
