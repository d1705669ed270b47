import type { Caller, DevUser } from '@openpai-marketplace/shared-types';

import type { DevUserSpec } from '../config/app-config';
import { UnauthorizedError } from '../common/errors/domain-error';
import type { IdentityProvider } from './identity-provider';

/** Prefix of development tokens, so that one is never mistaken for an OpenPAI token. */
export const DEV_TOKEN_PREFIX = 'dev-token-';

/**
 * Identity for local runs without OpenPAI: a fixed list of users whose tokens are
 * `dev-token-<username>`. Anyone who can reach the server can act as any of them, which is why
 * the server refuses this mode under NODE_ENV=production unless ALLOW_DEV_AUTH=true.
 */
export class DevIdentityProvider implements IdentityProvider {
  readonly kind = 'development' as const;
  private readonly usersByToken: Map<string, Caller>;

  constructor(users: readonly DevUserSpec[]) {
    this.usersByToken = new Map(
      users.map((user) => [`${DEV_TOKEN_PREFIX}${user.username}`, { username: user.username, admin: user.admin, groups: [...user.groups] }]),
    );
  }

  async identify(token: string): Promise<Caller> {
    const caller = this.usersByToken.get(token);
    if (!caller) {
      throw new UnauthorizedError('Unknown development token; GET /auth/dev-users lists the valid ones.');
    }
    return caller;
  }

  listUsers(): DevUser[] {
    return [...this.usersByToken].map(([token, caller]) => ({ ...caller, token }));
  }
}
