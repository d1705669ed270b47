import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';

import { ResourceIdSchema, type Caller, type LinkedCategory, type LinkedTag } from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { TextResponse } from '../common/http/text-response.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { ItemLinksService } from './item-links.service';

const idPipe = (name: string) => new ZodValidationPipe(ResourceIdSchema, 'path', name);

/** Routes under /items/{itemId}/tag and /items/{itemId}/category, named as the original named them. */
@Controller('items/:itemId')
export class ItemLinksController {
  constructor(private readonly links: ItemLinksService) {}

  @Get('tag')
  listTags(@CurrentCaller() caller: Caller, @Param('itemId', idPipe('itemId')) itemId: string): Promise<LinkedTag[]> {
    return this.links.listTags(caller, itemId);
  }

  @Post('tag/:tagId')
  @HttpCode(200)
  @TextResponse()
  async addTag(
    @CurrentCaller() caller: Caller,
    @Param('itemId', idPipe('itemId')) itemId: string,
    @Param('tagId', idPipe('tagId')) tagId: string,
  ): Promise<string> {
    await this.links.addTag(caller, itemId, tagId);
    return 'added';
  }

  /** Returns the JSON string "deleted", unlike the other writes, as the original did. */
  @Delete('tag/:tagId')
  async removeTag(
    @CurrentCaller() caller: Caller,
    @Param('itemId', idPipe('itemId')) itemId: string,
    @Param('tagId', idPipe('tagId')) tagId: string,
  ): Promise<unknown> {
    await this.links.removeTag(caller, itemId, tagId);
    return jsonString('deleted');
  }

  @Get('category')
  listCategories(@CurrentCaller() caller: Caller, @Param('itemId', idPipe('itemId')) itemId: string): Promise<LinkedCategory[]> {
    return this.links.listCategories(caller, itemId);
  }

  @Post('category/:categoryId')
  @HttpCode(200)
  @TextResponse()
  async addCategory(
    @CurrentCaller() caller: Caller,
    @Param('itemId', idPipe('itemId')) itemId: string,
    @Param('categoryId', idPipe('categoryId')) categoryId: string,
  ): Promise<string> {
    await this.links.addCategory(caller, itemId, categoryId);
    return 'added';
  }

  /** Returns the JSON string "deleted", as the original did. */
  @Delete('category/:categoryId')
  async removeCategory(
    @CurrentCaller() caller: Caller,
    @Param('itemId', idPipe('itemId')) itemId: string,
    @Param('categoryId', idPipe('categoryId')) categoryId: string,
  ): Promise<unknown> {
    await this.links.removeCategory(caller, itemId, categoryId);
    return jsonString('deleted');
  }
}

/**
 * Nest sends a returned string as text, so a JSON string body needs wrapping: an object with
 * toJSON makes Express serialise it with JSON.stringify and the application/json type.
 */
function jsonString(text: string): { toJSON(): string } {
  return { toJSON: () => text };
}
