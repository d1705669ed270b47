import { Controller, Get, Inject } from '@nestjs/common';

import type { Caller, DevUser } from '@openpai-marketplace/shared-types';

import { NotFoundError } from '../common/errors/domain-error';
import { WithoutDatabase } from '../database/database-ready.guard';
import { CurrentCaller } from './current-caller.decorator';
import { DevIdentityProvider } from './dev-identity-provider';
import { IDENTITY_PROVIDER, type IdentityProvider } from './identity-provider';
import { Public } from './public.decorator';

@WithoutDatabase()
@Controller('auth')
export class AuthController {
  constructor(@Inject(IDENTITY_PROVIDER) private readonly identityProvider: IdentityProvider) {}

  @Get('me')
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  /** Development mode only: the configured users and their tokens. */
  @Public()
  @Get('dev-users')
  devUsers(): DevUser[] {
    if (!(this.identityProvider instanceof DevIdentityProvider)) {
      throw new NotFoundError('route_not_found', 'Development users exist only when the server runs without IDP_URL.');
    }
    return this.identityProvider.listUsers();
  }
}
