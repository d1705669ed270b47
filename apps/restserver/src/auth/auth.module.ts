import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { DevIdentityProvider } from './dev-identity-provider';
import { IDENTITY_PROVIDER, type IdentityProvider } from './identity-provider';
import { OpenPaiIdentityProvider } from './openpai-identity-provider';

@Module({
  controllers: [AuthController],
  exports: [IDENTITY_PROVIDER],
  providers: [
    {
      provide: IDENTITY_PROVIDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): IdentityProvider =>
        config.identity.kind === 'openpai'
          ? new OpenPaiIdentityProvider(config.identity)
          : new DevIdentityProvider(config.identity.users),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
