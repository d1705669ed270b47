import type { Request } from 'express';

import type { RateLimitKey, RateLimitKeyResolver } from '../common/http/rate-limit';
import type { IdentityProvider } from './identity-provider';
import { identifyRequest } from './request-identity';

/**
 * Keys a request by its authenticated user, or by its client address when it carries no valid
 * token (none, malformed, rejected, or OpenPAI unreachable). The client address is Express's
 * `request.ip`, which follows X-Forwarded-For only through the proxies listed in TRUST_PROXY.
 *
 * NOTE: a request with an invalid token still costs one check with OpenPAI before it is counted,
 * because only that check distinguishes a valid token from an invalid one.
 */
export function rateLimitKeyResolver(identityProvider: IdentityProvider): RateLimitKeyResolver {
  return async (request: Request): Promise<RateLimitKey> => {
    if (request.headers.authorization) {
      try {
        const caller = await identifyRequest(request, identityProvider);
        return { kind: 'user', value: caller.username };
      } catch {
        // The auth guard turns the same rejection into the 401 or 503 response.
      }
    }
    return { kind: 'address', value: clientAddress(request) };
  };
}

/** Returns the client address, writing an IPv4-mapped IPv6 address as plain IPv4. */
function clientAddress(request: Request): string {
  const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
