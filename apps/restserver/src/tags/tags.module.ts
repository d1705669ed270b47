import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ItemTag } from './tag.entity';
import { TagsController } from './tags.controller';
import { TagsService } from './tags.service';

@Module({
  controllers: [TagsController],
  imports: [TypeOrmModule.forFeature([ItemTag])],
  providers: [TagsService],
})
export class TagsModule {}
