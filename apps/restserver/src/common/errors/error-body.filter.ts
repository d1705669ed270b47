import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';

import { escapeUnsafeCharacters, type ErrorBody } from '@openpai-marketplace/shared-types';

import { DomainError, quote } from './domain-error';
import { isDatabaseUnavailable, isSchemaMissing } from './database-errors';

/**
 * Turns every exception into the shared error body. Expected 4xx are logged at debug level and
 * anything else at error level with its stack, while the response body reveals nothing internal.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();

    const { status, body } = this.describe(exception, request);
    if (body.code === 'database_unavailable') {
      // An outage fails every request alike: one warning line each, without the stack.
      this.logger.warn(
        { method: request.method, path: request.path, status, code: body.code, reason: exception instanceof Error ? exception.message : String(exception) },
        `${request.method} ${request.path} answered 503: the database is unavailable`,
      );
    } else if (status >= 500) {
      this.logger.error(
        { err: exception, method: request.method, path: request.path, status, code: body.code },
        `${request.method} ${request.path} failed with ${status} ${body.code}`,
      );
    } else {
      this.logger.debug({ status, code: body.code }, body.message);
    }

    if (response.headersSent) {
      return;
    }
    // A text route sets its Content-Type before the handler runs, so set the error's explicitly.
    response.status(status).setHeader('Content-Type', 'application/json; charset=utf-8');
    response.json(body);
  }

  private describe(exception: unknown, request: Request): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details?.length) {
        body.details = exception.details;
      }
      return { status: exception.status, body };
    }

    if (isDatabaseUnavailable(exception)) {
      return {
        status: 503,
        body: { code: 'database_unavailable', message: 'The database cannot be reached right now; retry in a few seconds.' },
      };
    }

    if (isSchemaMissing(exception)) {
      return {
        status: 503,
        body: { code: 'schema_not_migrated', message: 'The database schema is not migrated yet; run "restserver migrate" or start with MIGRATE_ON_START=true.' },
      };
    }

    if (exception instanceof HttpException) {
      return this.describeHttpException(exception, request);
    }

    if (exception instanceof QueryFailedError) {
      return { status: 500, body: { code: 'database_error', message: 'A database query failed; the error is in the server log.' } };
    }

    return { status: 500, body: { code: 'internal_error', message: 'Unexpected internal error; the details are in the server log.' } };
  }

  private describeHttpException(exception: HttpException, request: Request): { status: number; body: ErrorBody } {
    const status = exception.getStatus();
    if (status === 404) {
      return { status, body: { code: 'route_not_found', message: `No route matches ${request.method} ${quote(request.path)}.` } };
    }
    const message = typeof exception.getResponse() === 'string' ? String(exception.getResponse()) : exception.message;
    // The router's message for a path like /items/%E0%A4%A repeats the raw segment, so it is replaced.
    if (status === 400 && message.startsWith('Failed to decode param')) {
      return {
        status,
        body: {
          code: 'invalid_path',
          message: 'Invalid path: a path segment is not valid percent-encoding; write each byte of UTF-8 as %XX.',
          details: [{ field: 'path', message: 'must be valid percent-encoded UTF-8' }],
        },
      };
    }
    return { status, body: { code: `http_${status}`, message: escapeUnsafeCharacters(message.slice(0, 200)) } };
  }
}
