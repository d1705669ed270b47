import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';

import {
  CreateCategoryRequestSchema,
  ResourceIdSchema,
  UpdateCategoryRequestSchema,
  type Caller,
  type CreateCategoryRequest,
  type Created,
  type Category,
  type UpdateCategoryRequest,
} from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { TextResponse } from '../common/http/text-response.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { CategoriesService } from './categories.service';

const CategoryIdPipe = new ZodValidationPipe(ResourceIdSchema, 'path', 'categoryId');

@Controller('categories')
export class CategoriesController {
  constructor(private readonly categoriesService: CategoriesService) {}

  @Get()
  list(): Promise<Category[]> {
    return this.categoriesService.list();
  }

  @Post()
  create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(CreateCategoryRequestSchema, 'body')) request: CreateCategoryRequest,
  ): Promise<Created> {
    return this.categoriesService.create(caller, request);
  }

  @Get(':categoryId')
  get(@Param('categoryId', CategoryIdPipe) categoryId: string): Promise<Category> {
    return this.categoriesService.get(categoryId);
  }

  @Put(':categoryId')
  @TextResponse()
  async update(
    @CurrentCaller() caller: Caller,
    @Param('categoryId', CategoryIdPipe) categoryId: string,
    @Body(new ZodValidationPipe(UpdateCategoryRequestSchema, 'body')) request: UpdateCategoryRequest,
  ): Promise<string> {
    await this.categoriesService.update(caller, categoryId, request);
    return 'updated';
  }

  @Delete(':categoryId')
  @TextResponse()
  async delete(@CurrentCaller() caller: Caller, @Param('categoryId', CategoryIdPipe) categoryId: string): Promise<string> {
    await this.categoriesService.delete(caller, categoryId);
    return 'deleted';
  }
}
