import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
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

@Module({
  controllers: [ItemEngagementController, ItemLinksController, ItemsController],
  exports: [ItemsService],
  imports: [TypeOrmModule.forFeature([MarketplaceItem])],
  providers: [ItemEngagementService, ItemLinksService, ItemRevisionsService, ItemsService, ListCountCache],
})
export class ItemsModule implements NestModule {
  /** Every write, to items, tags, categories or anything else, may change what a list counts. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ClearListCountsOnWrite).forRoutes({ path: '*splat', method: RequestMethod.ALL });
  }
}
