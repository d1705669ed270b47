import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';

import { DomainError } from '../common/errors/domain-error';
import { DatabaseReadiness } from './database-readiness';

export const WITHOUT_DATABASE = 'marketplace:withoutDatabase';

/** Marks a controller or route that works before the database is ready (health checks, identity). */
export const WithoutDatabase = () => SetMetadata(WITHOUT_DATABASE, true);

/** 503 for a request that needs the database while start-up has not connected and migrated it yet. */
export class DatabaseNotReadyError extends DomainError {
  constructor(progress: string) {
    super(503, 'database_unavailable', 'The database is not ready yet and the server keeps trying to reach it; retry in a few seconds. GET /readyz gives the reason.', [
      { field: 'database', message: progress },
    ]);
  }
}

/**
 * Rejects every route not marked @WithoutDatabase() with 503 and a Retry-After header until
 * start-up has connected to the database and applied the migrations, so clients get a clear
 * response instead of a driver error while the server waits for PostgreSQL.
 */
@Injectable()
export class DatabaseReadyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly readiness: DatabaseReadiness,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.readiness.isReady || this.reflector.getAllAndOverride<boolean>(WITHOUT_DATABASE, [context.getHandler(), context.getClass()])) {
      return true;
    }
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(this.readiness.secondsUntilNextAttempt()));
    throw new DatabaseNotReadyError(this.readiness.progress());
  }
}
