import type { Logger as TypeOrmLogger } from 'typeorm';

import { getLogger, requestContext } from '../common/logging/logger';
import { isShuttingDown } from '../shutdown';

/**
 * Sends TypeORM's messages to the JSON log instead of the console. Query parameters are never
 * logged, because they can contain user data. A failed query is logged at debug level, because
 * its error also reaches the request's error handling, which logs server faults at error level.
 */
export class JsonTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = getLogger('typeorm');

  logQuery(): void {
    // Every query would flood the log; LOG_LEVEL=trace is not worth that cost.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ query: query.slice(0, 500), reason: error instanceof Error ? error.message : error }, 'query failed');
  }

  logQuerySlow(durationMs: number, query: string): void {
    this.logger.warn({ durationMs, query: query.slice(0, 500) }, `slow query took ${durationMs} ms`);
  }

  logSchemaBuild(): void {
    // The schema only changes through migrations, which are logged by logMigration.
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = String(message);
    // Pool events fire in the context of whichever request first opened the connection, so they
    // are logged outside any request rather than under a stale request id. Once the server is
    // stopping, connections closed by a PostgreSQL that stops too (Ctrl-C reaches the embedded
    // one as well) are expected and need no one's attention.
    requestContext.exit(() => {
      if (level === 'warn' && isShuttingDown()) {
        this.logger.info(text);
      } else {
        this.logger[level === 'warn' ? 'warn' : 'info'](text);
      }
    });
  }
}
