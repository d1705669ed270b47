import type { NextFunction, Request, Response } from 'express';

import type { ErrorBody } from '@openpai-marketplace/shared-types';

import { TokenBucketRateLimiter } from './rate-limiter';

/** Kubernetes probes these paths every few seconds, so they are never limited. */
export const UNLIMITED_PATHS: readonly string[] = ['/healthz', '/readyz'];

/** Whom a request is counted against: its authenticated user, or else its client address. */
export interface RateLimitKey {
  readonly kind: 'user' | 'address';
  readonly value: string;
}

/** Finds the key of a request; must not reject. */
export type RateLimitKeyResolver = (request: Request) => Promise<RateLimitKey>;

/**
 * Responds 429 with `Retry-After` once a key has used up its requests per minute. Registered
 * after the CORS middleware, which ends preflights itself, so preflights are never counted and
 * a 429 still carries the CORS headers a browser needs to read it.
 */
export function rateLimitMiddleware(perMinute: number, resolveKey: RateLimitKeyResolver) {
  const limiter = new TokenBucketRateLimiter(perMinute);

  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (UNLIMITED_PATHS.includes(routePath(request.path))) {
      next();
      return;
    }

    const key = await resolveKey(request);
    const decision = limiter.take(`${key.kind}:${key.value}`);
    if (decision.allowed) {
      next();
      return;
    }

    const subject = key.kind === 'user' ? 'user' : 'client address';
    const body: ErrorBody = {
      code: 'rate_limited',
      message: `Too many requests: the limit is ${perMinute} requests per minute for each ${subject}; retry in ${decision.retryAfterSeconds} seconds.`,
    };
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    response.status(429).json(body);
  };
}

/** Express matches routes ignoring case and a trailing slash, so compare paths the same way. */
function routePath(path: string): string {
  return (path.length > 1 ? path.replace(/\/+$/, '') : path).toLowerCase();
}
