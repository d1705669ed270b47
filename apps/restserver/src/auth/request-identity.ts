import type { Request } from 'express';

import type { Caller } from '@openpai-marketplace/shared-types';

import { extractBearerToken } from './bearer-token';
import type { IdentityProvider } from './identity-provider';

/** One identification per request, so the rate limiter and the auth guard ask OpenPAI once. */
const identifications = new WeakMap<Request, Promise<Caller>>();

/**
 * Identifies the caller from the request's `Authorization` header, the only place a token is
 * read from. Rejects like IdentityProvider.identify, or with UnauthorizedError when the header is
 * missing or malformed. Repeated calls for one request share the first call's result.
 */
export function identifyRequest(request: Request, identityProvider: IdentityProvider): Promise<Caller> {
  let identification = identifications.get(request);
  if (!identification) {
    identification = identify(request, identityProvider);
    identifications.set(request, identification);
  }
  return identification;
}

async function identify(request: Request, identityProvider: IdentityProvider): Promise<Caller> {
  const token = extractBearerToken(request.headers.authorization);
  return identityProvider.identify(token);
}
