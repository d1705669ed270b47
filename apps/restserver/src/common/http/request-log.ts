import type { NextFunction, Request, Response } from 'express';

import { getLogger } from '../logging/logger';

const logger = getLoggerLazily();

/**
 * Logs one line per request once the response is sent: method, route pattern, status and
 * duration. The query string is left out because filters may contain personal data.
 */
export function requestLogMiddleware(request: Request, response: Response, next: NextFunction): void {
  const startedAt = process.hrtime.bigint();

  response.on('finish', () => {
    const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path.slice(0, 200);
    const fields = {
      method: request.method,
      route,
      status: response.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      bytes: Number(response.getHeader('content-length') ?? 0),
    };
    logger().info(fields, `${request.method} ${route} ${response.statusCode}`);
  });

  next();
}

// The root logger is configured at start-up, after this module is loaded, so fetch it late.
function getLoggerLazily() {
  return () => getLogger('http');
}
