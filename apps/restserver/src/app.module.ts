import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from './auth/auth.module';
import { CategoriesModule } from './categories/categories.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions, type ResolvedDatabase } from './database/data-source-options';
import { DatabaseReadinessModule } from './database/database-readiness.module';
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
        DatabaseReadinessModule,
        HealthModule,
        ItemsModule,
        StoragesModule,
        TagsModule,
        // connectDatabase() connects after the HTTP server listens, retrying until the database is
        // there, so that /healthz and /readyz answer while it waits.
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(database), manualInitialization: true }),
      ],
    };
  }
}
