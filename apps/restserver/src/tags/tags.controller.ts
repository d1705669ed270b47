import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';

import {
  CreateTagRequestSchema,
  ResourceIdSchema,
  UpdateTagRequestSchema,
  type Caller,
  type CreateTagRequest,
  type Created,
  type Tag,
  type UpdateTagRequest,
} from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { TextResponse } from '../common/http/text-response.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { TagsService } from './tags.service';

const TagIdPipe = new ZodValidationPipe(ResourceIdSchema, 'path', 'tagId');

@Controller('tags')
export class TagsController {
  constructor(private readonly tagsService: TagsService) {}

  @Get()
  list(): Promise<Tag[]> {
    return this.tagsService.list();
  }

  @Post()
  create(@Body(new ZodValidationPipe(CreateTagRequestSchema, 'body')) request: CreateTagRequest): Promise<Created> {
    return this.tagsService.create(request);
  }

  @Get(':tagId')
  get(@Param('tagId', TagIdPipe) tagId: string): Promise<Tag> {
    return this.tagsService.get(tagId);
  }

  @Put(':tagId')
  @TextResponse()
  async update(
    @CurrentCaller() caller: Caller,
    @Param('tagId', TagIdPipe) tagId: string,
    @Body(new ZodValidationPipe(UpdateTagRequestSchema, 'body')) request: UpdateTagRequest,
  ): Promise<string> {
    await this.tagsService.update(caller, tagId, request);
    return 'updated';
  }

  @Delete(':tagId')
  @TextResponse()
  async delete(@CurrentCaller() caller: Caller, @Param('tagId', TagIdPipe) tagId: string): Promise<string> {
    await this.tagsService.delete(caller, tagId);
    return 'deleted';
  }
}
