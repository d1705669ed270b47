import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ItemEngagementController } from './item-engagement.controller';
import { ItemEngagementService } from './item-engagement.service';
import { ItemLinksController } from './item-links.controller';
import { ItemRevisionsService } from './item-revisions.service';
import { ItemLinksService } from './item-links.service';
import { MarketplaceItem } from './item.entity';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({
  controllers: [ItemEngagementController, ItemLinksController, ItemsController],
  exports: [ItemsService],
  imports: [TypeOrmModule.forFeature([MarketplaceItem])],
  providers: [ItemEngagementService, ItemLinksService, ItemRevisionsService, ItemsService],
})
export class ItemsModule {}
