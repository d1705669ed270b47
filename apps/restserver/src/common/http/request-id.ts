import { randomUUID } from 'node:crypto';

import type { NextFunction, Request, Response } from 'express';

import { requestContext } from '../logging/logger';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming id is reused only when it is short and plain, so it is safe to log and echo. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Gives every request an id, sends it back in `X-Request-Id` and makes it visible to the logger. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header(REQUEST_ID_HEADER);
  const requestId = incoming && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : randomUUID();

  response.setHeader(REQUEST_ID_HEADER, requestId);
  requestContext.run({ requestId }, () => next());
}
