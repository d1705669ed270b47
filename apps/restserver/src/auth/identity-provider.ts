import type { Caller } from '@openpai-marketplace/shared-types';

/**
 * Resolves a bearer token to the user it belongs to. Rejects with UnauthorizedError for a
 * token that is not valid, and ServiceUnavailableError when OpenPAI's response cannot be obtained.
 */
export interface IdentityProvider {
  readonly kind: 'openpai' | 'development';
  identify(token: string): Promise<Caller>;
}

export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');
