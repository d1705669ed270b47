import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import type { Caller } from '@openpai-marketplace/shared-types';

import { IDENTITY_PROVIDER, type IdentityProvider } from './identity-provider';
import { IS_PUBLIC } from './public.decorator';
import { identifyRequest } from './request-identity';

/**
 * Requires `Authorization: Bearer <token>` on every route not marked @Public() and attaches the
 * identified caller to the request. Tokens are read from this header only: a token in the URL, a
 * cookie or another header is ignored, so such a request counts as anonymous.
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
    request.caller = await identifyRequest(request, this.identityProvider);
    return true;
  }
}
