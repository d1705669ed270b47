import type { Server } from 'node:http';

import type { INestApplication } from '@nestjs/common';

import { getLogger } from './common/logging/logger';
import type { EmbeddedPostgres } from './database/embedded-postgres';

/** Maximum wait for requests in flight before the process exits anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

let stopSignalReceived = false;

/** Tells whether the process is shutting down after SIGTERM or SIGINT. */
export function isShuttingDown(): boolean {
  return stopSignalReceived;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let requests in flight finish, close the
 * database pool and the embedded PostgreSQL, then exit. Exits with 1 if that takes longer than
 * SHUTDOWN_TIMEOUT_MS, which happens when a client keeps a request open.
 */
export function stopOnSignals(app: INestApplication, embedded: EmbeddedPostgres | undefined): void {
  const logger = getLogger('shutdown');
  let stopping = false;

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    stopSignalReceived = true;
    logger.info({ signal }, `${signal} received: finishing requests in flight, then stopping`);

    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, `requests still open after ${SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    deadline.unref();

    try {
      // Nest's close() ends the database pool before it stops the HTTP server, which would fail
      // the requests in flight. Stop accepting connections and let those requests finish first.
      await stopHttpServer(app);
      await app.close();
      await embedded?.stop();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };

  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

/**
 * Stops accepting connections and resolves once every open one has ended. A keep-alive
 * connection whose request finishes after close() would otherwise stay open until the
 * keep-alive timeout, so idle connections are closed as they appear.
 */
function stopHttpServer(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  return new Promise((resolve) =>
    server.close(() => {
      clearInterval(sweeper);
      resolve();
    }),
  );
}
