import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';

import { ResourceIdSchema, type Caller, type Created, type ListedItem, type StarState, type UseResult } from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { ItemEngagementService } from './item-engagement.service';
import { ItemsService } from './items.service';

const ItemIdPipe = new ZodValidationPipe(ResourceIdSchema, 'path', 'itemId');

/** Stars, launches and copies; each needs the item to be visible to the caller. */
@Controller()
export class ItemEngagementController {
  constructor(
    private readonly engagement: ItemEngagementService,
    private readonly itemsService: ItemsService,
  ) {}

  @Put('items/:itemId/star')
  star(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<StarState> {
    return this.engagement.star(caller, itemId);
  }

  @Delete('items/:itemId/star')
  unstar(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<StarState> {
    return this.engagement.unstar(caller, itemId);
  }

  @Get('stars')
  starred(@CurrentCaller() caller: Caller): Promise<ListedItem[]> {
    return this.itemsService.listStarred(caller);
  }

  @Post('items/:itemId/use')
  @HttpCode(200)
  use(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<UseResult> {
    return this.engagement.use(caller, itemId);
  }

  @Post('items/:itemId/copy')
  copy(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<Created> {
    return this.engagement.copy(caller, itemId);
  }
}
