import type { INestApplication } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { isDatabaseUnavailable, sqlStateOf } from '../common/errors/database-errors';
import { getLogger } from '../common/logging/logger';
import type { AppConfig } from '../config/app-config';
import { DatabaseReadiness } from './database-readiness';
import { prepareDatabase } from './prepare-database';

/** Wait after the first failed attempt; it doubles after each further failure, up to the configured maximum. */
export const FIRST_RETRY_DELAY_MS = 1000;

/** SQLSTATEs that a database still being set up can return: login rejected (28000, 28P01), database missing (3D000). */
const SETUP_SQLSTATES = new Set(['28000', '28P01', '3D000']);

/**
 * Connects the data source and runs the start-up work (migrations, adoption, seeds). It retries
 * with capped exponential back-off for as long as the database cannot be reached, rejects the
 * login or lacks the database, because each of these can end without a restart (PostgreSQL
 * starting, an init script creating the role). Any other error is thrown: it would fail again.
 * DatabaseReadiness tracks each step for /readyz and the API's 503 responses.
 */
export async function connectDatabase(app: INestApplication, config: AppConfig): Promise<void> {
  const dataSource = app.get(DataSource);
  const readiness = app.get(DatabaseReadiness);
  const logger = getLogger('database');
  const target = describeTarget(dataSource.options);

  for (let attempt = 1; ; attempt++) {
    readiness.attemptStarted(attempt);
    try {
      if (!dataSource.isInitialized) {
        await dataSource.initialize();
      }
      readiness.connected(attempt);
      // NOTE: if the connection drops after the migrations but before the official examples are
      // seeded, the next attempt finds the schema current and does not seed them; run
      // "restserver seed-examples" to add them then.
      await prepareDatabase(app, config);
      readiness.ready();
      if (attempt > 1) {
        logger.info({ target, attempts: attempt }, `connected to the database at ${target} after ${attempt} attempts`);
      }
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) && !SETUP_SQLSTATES.has(sqlStateOf(error) ?? '')) {
        throw error;
      }
      const delayMs = retryDelayMs(attempt, config.databaseConnectRetryMaxDelayMs);
      const { label, hint } = classify(error);
      const reason = `${label}: ${withoutPassword(messageOf(error), passwordOf(dataSource.options))}`;
      readiness.attemptFailed(attempt, reason, delayMs);
      logger.warn(
        { target, attempt, reason, retryInMs: delayMs },
        `${reason} (${target}, attempt ${attempt}); retrying in ${formatDelay(delayMs)}. ${hint}`,
      );
      await new Promise((resolveWait) => setTimeout(resolveWait, delayMs).unref());
    }
  }
}

/** Wait before the attempt after `attempt`: 1 s, 2 s, 4 s, … but never more than `maxDelayMs`. */
export function retryDelayMs(attempt: number, maxDelayMs: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.min(attempt - 1, 20), maxDelayMs);
}

/** A label for what failed and what the person on call should check, by kind of failure. */
function classify(error: unknown): { label: string; hint: string } {
  switch (sqlStateOf(error)) {
    case '28000':
    case '28P01':
      return { label: 'database login rejected', hint: 'Check DB_USERNAME and DB_PASSWORD (or the user and password in DATABASE_URL).' };
    case '3D000':
      return { label: 'database missing', hint: 'Create the database, or correct DATABASE (or the database name in DATABASE_URL).' };
    case '57P03':
      return { label: 'database starting up', hint: 'PostgreSQL is starting up or shutting down; this usually resolves by itself.' };
    default:
      return { label: 'database unreachable', hint: 'Check that PostgreSQL is running and that DB_HOST and DB_PORT (or DATABASE_URL) point at it.' };
  }
}

/** host:port/database as user, taken from the options; the password is left out. */
export function describeTarget(options: DataSourceOptions): string {
  const postgres = options as { url?: string; host?: string; port?: number; username?: string; database?: string };
  if (postgres.url) {
    const url = new URL(postgres.url);
    return `${url.hostname}:${url.port || 5432}${url.pathname} as ${decodeURIComponent(url.username)}`;
  }
  return `${postgres.host}:${postgres.port ?? 5432}/${postgres.database} as ${postgres.username}`;
}

function passwordOf(options: DataSourceOptions): string | undefined {
  const postgres = options as { url?: string; password?: unknown };
  if (postgres.url) {
    return decodeURIComponent(new URL(postgres.url).password) || undefined;
  }
  return typeof postgres.password === 'string' ? postgres.password : undefined;
}

/**
 * Removes the password from a driver message. PostgreSQL's and node's messages do not contain it
 * today; this guards against one that does. Passwords under 4 characters are left alone, because
 * they would match ordinary words of the message.
 */
function withoutPassword(message: string, password: string | undefined): string {
  return password && password.length >= 4 ? message.split(password).join('[redacted]') : message;
}

/**
 * The error's message. Node reports a failed connection to a name with several addresses (such as
 * localhost) as an AggregateError with an empty message, so the first inner error's message is used.
 */
function messageOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message && error.errors.length > 0) {
    return messageOf(error.errors[0]);
  }
  if (error instanceof Error) {
    return error.message || (error as { code?: string }).code || error.name;
  }
  return String(error);
}

function formatDelay(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
