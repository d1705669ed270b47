import { AsyncLocalStorage } from 'node:async_hooks';

import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

/** Request id of the request being served, so that every log line can carry it. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Field names whose values are dropped from every log line, wherever they appear: tokens,
 * passwords and connection strings must never reach a log.
 */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  'password',
  'connectionString',
  'connectionStrings',
  'tokens',
  'DATABASE_URL',
  'DB_PASSWORD',
  'AZURE_STORAGE',
  // A failed query's error carries its parameters and PostgreSQL's detail, which can quote the
  // whole row ("Failing row contains ..."), connection strings included.
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
];

let rootLogger: Logger = pino({ level: 'info' });

/** Replaces the process-wide logger; tests pass a destination to capture the output. */
export function configureLogging(level: string, destination?: DestinationStream): Logger {
  rootLogger = pino(
    {
      level,
      base: { service: 'marketplace-restserver' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { requestId: context.requestId } : {};
      },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  return rootLogger;
}

export function getLogger(context: string): Logger {
  return rootLogger.child({ context });
}

/** Routes NestJS's own log calls into the same JSON lines. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context (the class name) as the last string argument.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : 'Nest';
    const logger = rootLogger.child({ context });

    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      logger[level](message as object, typeof rest[0] === 'string' ? rest[0] : undefined);
      return;
    }
    if (message instanceof Error) {
      logger[level]({ err: message }, message.message);
      return;
    }
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    logger[level](stack ? { stack } : {}, String(message));
  }
}
