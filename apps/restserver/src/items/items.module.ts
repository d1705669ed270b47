import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ItemEngagementController } from './item-engagement.controller';
import { ItemEngagementService } from './item-engagement.service';
import { ItemLinksController } from './item-links.controller';
import { ItemRevisionsService } from './item-revisions.service';
import { ItemLinksService } from './item-links.service';
import { MarketplaceItem } from './item.entity';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';
import { ClearListCountsOnWrite, ListCountCache } from './list-count-cache';
import { ItemJsonCache } from './item-json-cache';
import { UnpagedListJson } from './unpaged-list-json';

@Module({
  controllers: [ItemEngagementController, ItemLinksController, ItemsController],
  exports: [ItemsService],
  imports: [TypeOrmModule.forFeature([MarketplaceItem])],
  providers: [
    ItemEngagementService,
    ItemLinksService,
    ItemRevisionsService,
    ItemsService,
    ListCountCache,
    ItemJsonCache,
    UnpagedListJson,
    // Global: every write, to items, tags, categories or anything else, may change what a list counts.
    { provide: APP_INTERCEPTOR, useClass: ClearListCountsOnWrite },
  ],
})
export class ItemsModule {}
