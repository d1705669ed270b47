import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from './auth/auth.module';
import { CategoriesModule } from './categories/categories.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions, type ResolvedDatabase } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { ItemsModule } from './items/items.module';
import { StoragesModule } from './storages/storages.module';
import { TagsModule } from './tags/tags.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: ResolvedDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuthModule,
        CategoriesModule,
        ConfigModule.forRoot(config),
        HealthModule,
        ItemsModule,
        StoragesModule,
        TagsModule,
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(database), retryAttempts: 10, retryDelay: 3000 }),
      ],
    };
  }
}
