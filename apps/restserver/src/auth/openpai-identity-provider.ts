import { createHash } from 'node:crypto';

import { z } from 'zod';

import type { Caller } from '@openpai-marketplace/shared-types';

import { ServiceUnavailableError, UnauthorizedError } from '../common/errors/domain-error';
import { getLogger } from '../common/logging/logger';
import type { IdentityProvider } from './identity-provider';

const TokenCheckSchema = z.object({ username: z.string().min(1), admin: z.boolean().optional() });
const UserSchema = z.object({
  username: z.string().min(1),
  admin: z.boolean(),
  grouplist: z.array(z.string()).default([]),
});

/** Upper bound on cached tokens, so a flood of distinct valid tokens cannot grow memory without limit. */
const MAX_CACHED_TOKENS = 10_000;

export interface OpenPaiIdentityOptions {
  readonly url: string;
  readonly timeoutMs: number;
  readonly cacheTtlSeconds: number;
}

/**
 * Asks OpenPAI's rest-server who a token belongs to: `GET /api/v2/tokens/check` validates it and
 * `GET /api/v2/users/{username}` gives the groups and the admin flag. A token's content is never
 * trusted without that response. Positive responses are cached for `cacheTtlSeconds`, keyed by a
 * hash of the token, so a revoked token keeps working for at most that long.
 */
export class OpenPaiIdentityProvider implements IdentityProvider {
  readonly kind = 'openpai' as const;
  private readonly cache = new Map<string, { caller: Caller; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<Caller>>();
  private readonly logger = getLogger('OpenPaiIdentityProvider');

  constructor(private readonly options: OpenPaiIdentityOptions) {}

  async identify(token: string): Promise<Caller> {
    const key = createHash('sha256').update(token).digest('hex');

    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now()) {
      return cached.caller;
    }
    this.cache.delete(key);

    // Concurrent requests with the same token share one round trip to OpenPAI.
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.askOpenPai(token).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const caller = await pending;
    this.remember(key, caller);
    return caller;
  }

  private async askOpenPai(token: string): Promise<Caller> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);

    const check = TokenCheckSchema.parse(await this.getJson('/api/v2/tokens/check', token, deadline, 'token check'));
    const user = UserSchema.parse(
      await this.getJson(`/api/v2/users/${encodeURIComponent(check.username)}`, token, deadline, 'user lookup'),
    );

    return { username: user.username, admin: user.admin, groups: user.grouplist };
  }

  private async getJson(path: string, token: string, signal: AbortSignal, purpose: string): Promise<unknown> {
    const url = `${this.options.url}${path}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` }, signal });
    } catch (error) {
      const timedOut = signal.aborted;
      this.logger.warn(
        { purpose, idpUrl: this.options.url, timeoutMs: this.options.timeoutMs, reason: timedOut ? 'timeout' : describe(error) },
        `OpenPAI ${purpose} ${timedOut ? 'timed out' : 'failed'}; responding 503`,
      );
      throw new ServiceUnavailableError(
        'identity_provider_unavailable',
        timedOut
          ? `OpenPAI's rest-server did not respond to the ${purpose} within ${this.options.timeoutMs} ms; retry later.`
          : `OpenPAI's rest-server cannot be reached for the ${purpose}; retry later.`,
      );
    }

    if (response.status === 401 || response.status === 403 || (response.status === 404 && purpose === 'user lookup')) {
      await response.body?.cancel();
      throw new UnauthorizedError('The bearer token was rejected by OpenPAI.');
    }
    if (!response.ok) {
      await response.body?.cancel();
      this.logger.warn({ purpose, idpUrl: this.options.url, status: response.status }, `OpenPAI ${purpose} returned status ${response.status}; responding 503`);
      throw new ServiceUnavailableError('identity_provider_unavailable', `OpenPAI's rest-server returned status ${response.status} for the ${purpose}; retry later.`);
    }

    try {
      return await response.json();
    } catch {
      throw new ServiceUnavailableError('identity_provider_unavailable', `OpenPAI's rest-server returned a body that is not JSON for the ${purpose}.`);
    }
  }

  private remember(key: string, caller: Caller): void {
    if (this.options.cacheTtlSeconds <= 0) {
      return;
    }
    if (this.cache.size >= MAX_CACHED_TOKENS) {
      // Maps iterate in insertion order, so the first key is the oldest entry.
      this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, { caller, expiresAt: Date.now() + this.options.cacheTtlSeconds * 1000 });
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
