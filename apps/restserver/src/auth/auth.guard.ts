import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import type { Caller } from '@openpai-marketplace/shared-types';

import { UnauthorizedError } from '../common/errors/domain-error';
import { IDENTITY_PROVIDER, type IdentityProvider } from './identity-provider';
import { IS_PUBLIC } from './public.decorator';

/** Maximum token length accepted; OpenPAI's JWTs are far shorter. */
const MAX_TOKEN_LENGTH = 8192;

/**
 * Requires `Authorization: Bearer <token>` on every route not marked @Public() and attaches the
 * identified caller to the request. Tokens are read from this header only, never from the URL.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(IDENTITY_PROVIDER) private readonly identityProvider: IdentityProvider,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }

    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const token = extractBearerToken(request.headers.authorization);
    request.caller = await this.identityProvider.identify(token);
    return true;
  }
}

export function extractBearerToken(header: string | undefined): string {
  if (!header) {
    throw new UnauthorizedError('Authentication required: send the header "Authorization: Bearer <token>".');
  }

  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new UnauthorizedError('The Authorization header must have the form "Bearer <token>".');
  }
  if (match[1].length > MAX_TOKEN_LENGTH) {
    throw new UnauthorizedError(`The bearer token is longer than ${MAX_TOKEN_LENGTH} characters.`);
  }
  return match[1];
}
