import express, { type NextFunction, type Request, type Response } from 'express';

import type { ErrorBody } from '@openpai-marketplace/shared-types';

/** Parses JSON bodies up to `limitBytes`; other content types leave the body undefined. */
export function jsonBodyParser(limitBytes: number) {
  return express.json({ limit: limitBytes, strict: false, type: ['application/json', 'application/*+json'] });
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
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown reason';
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
