import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

import { escapeUnsafeCharacters, type ErrorBody } from '@openpai-marketplace/shared-types';

import { quote } from '../errors/domain-error';

/** Media types parsed as JSON; every route that reads a body reads JSON. */
const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Parses JSON bodies up to `limitBytes`. A request without a body is left with an undefined
 * body, so that a route expecting one rejects it with 400; a body of another media type is
 * rejected here with 415.
 */
export function jsonBodyParser(limitBytes: number): RequestHandler {
  const parseJson = express.json({ limit: limitBytes, strict: false, type: JSON_TYPES });

  return (request: Request, response: Response, next: NextFunction): void => {
    if (!carriesBody(request)) {
      // express.json would turn an empty body into {}, which a PUT would take as "change nothing".
      next();
      return;
    }
    if (!request.is(JSON_TYPES)) {
      const sentType = request.headers['content-type'];
      const body: ErrorBody = {
        code: 'unsupported_media_type',
        message: `The request body must be JSON sent with Content-Type: application/json, but its Content-Type is ${sentType ? quote(sentType) : 'missing'}.`,
      };
      response.status(415).json(body);
      return;
    }
    parseJson(request, response, next);
  };
}

/** Tells whether a request has body bytes: a positive Content-Length or a chunked transfer. */
function carriesBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * Responds to body-parsing failures with the shared error body: 413 for a body over the limit, 400
 * for JSON that does not parse. Registered right after the parser, before any route runs.
 */
export function bodyParsingErrorHandler(limitBytes: number) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    const type = (error as { type?: string }).type;

    if (type === 'entity.too.large') {
      const body: ErrorBody = { code: 'body_too_large', message: `The request body is larger than the limit of ${limitBytes} bytes.` };
      response.status(413).json(body);
      return;
    }
    if (type === 'entity.parse.failed') {
      // The parser's message quotes a few characters of the body, so they are escaped.
      const reason = error instanceof Error ? escapeUnsafeCharacters(error.message.slice(0, 200)) : 'unknown reason';
      const body: ErrorBody = { code: 'invalid_json', message: `The request body is not valid JSON: ${reason}.` };
      response.status(400).json(body);
      return;
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      const body: ErrorBody = { code: 'unsupported_encoding', message: 'The request body uses an unsupported encoding or charset; send UTF-8 JSON.' };
      response.status(415).json(body);
      return;
    }
    next(error);
  };
}
