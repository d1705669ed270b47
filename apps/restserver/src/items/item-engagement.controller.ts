import { Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';

import {
  ResourceIdSchema,
  RevisionDiffQuerySchema,
  type Caller,
  type Created,
  type ListedItem,
  type Revision,
  type RevisionDiff,
  type RevisionSummary,
  type StarState,
  type UseResult,
} from '@openpai-marketplace/shared-types';

import { CurrentCaller } from '../auth/current-caller.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { ItemEngagementService } from './item-engagement.service';
import { ItemRevisionsService } from './item-revisions.service';
import { ItemsService } from './items.service';

const RevisionNumberSchema = z.string().regex(/^\d{1,9}$/, { error: 'must be a revision number' }).transform(Number);

const ItemIdPipe = new ZodValidationPipe(ResourceIdSchema, 'path', 'itemId');

/** Stars, launches, copies and history; each needs the item to be visible to the caller. */
@Controller()
export class ItemEngagementController {
  constructor(
    private readonly engagement: ItemEngagementService,
    private readonly itemsService: ItemsService,
    private readonly revisionsService: ItemRevisionsService,
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

  @Get('items/:itemId/revisions')
  revisions(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<RevisionSummary[]> {
    return this.revisionsService.list(caller, itemId);
  }

  @Get('items/:itemId/revisions/:revision')
  revision(
    @CurrentCaller() caller: Caller,
    @Param('itemId', ItemIdPipe) itemId: string,
    @Param('revision', new ZodValidationPipe(RevisionNumberSchema, 'path', 'revision')) revision: number,
  ): Promise<Revision> {
    return this.revisionsService.get(caller, itemId, revision);
  }

  @Get('items/:itemId/diff')
  diff(
    @CurrentCaller() caller: Caller,
    @Param('itemId', ItemIdPipe) itemId: string,
    @Query(new ZodValidationPipe(RevisionDiffQuerySchema, 'query')) query: { from: string; to: string },
  ): Promise<RevisionDiff> {
    return this.revisionsService.diff(caller, itemId, query.from, query.to);
  }

  @Post('items/:itemId/copy')
  copy(@CurrentCaller() caller: Caller, @Param('itemId', ItemIdPipe) itemId: string): Promise<Created> {
    return this.engagement.copy(caller, itemId);
  }
}
