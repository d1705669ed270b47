import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { ItemCategory } from './category.entity';

@Module({
  controllers: [CategoriesController],
  imports: [TypeOrmModule.forFeature([ItemCategory])],
  providers: [CategoriesService],
})
export class CategoriesModule {}
