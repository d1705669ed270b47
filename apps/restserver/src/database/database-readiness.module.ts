import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { DatabaseReadiness } from './database-readiness';
import { DatabaseReadyGuard } from './database-ready.guard';

/** Shares the database start-up state and holds back API requests until the database is ready. */
@Global()
@Module({
  exports: [DatabaseReadiness],
  providers: [DatabaseReadiness, { provide: APP_GUARD, useClass: DatabaseReadyGuard }],
})
export class DatabaseReadinessModule {}
