import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

import { AppModule } from './app.module';
import { IDENTITY_PROVIDER, type IdentityProvider } from './auth/identity-provider';
import { rateLimitKeyResolver } from './auth/rate-limit-key';
import type { AppConfig } from './config/app-config';
import { ErrorBodyFilter } from './common/errors/error-body.filter';
import { bodyParsingErrorHandler, jsonBodyParser } from './common/http/body-parsing';
import { rateLimitMiddleware } from './common/http/rate-limit';
import { REQUEST_ID_HEADER, requestIdMiddleware } from './common/http/request-id';
import { requestLogMiddleware } from './common/http/request-log';
import { securityHeaders } from './common/http/security-headers';
import { NestPinoLogger } from './common/logging/logger';
import type { ResolvedDatabase } from './database/data-source-options';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { SERVER_VERSION } from './version';

/**
 * Creates the Nest application with every cross-cutting concern wired in, without listening.
 * main.ts and the HTTP specs both use it, so the specs exercise exactly what runs in production.
 */
export async function createApp(config: AppConfig, database: ResolvedDatabase): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bodyParser: false,
    logger: new NestPinoLogger(),
  });

  app.disable('x-powered-by');
  app.set('etag', false);
  if (config.http.trustedProxies.length > 0) {
    // Express then takes request.ip from X-Forwarded-For, but only through these proxies.
    app.set('trust proxy', [...config.http.trustedProxies]);
  }
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware);
  app.use(securityHeaders);
  app.enableCors({
    origin: config.http.corsOrigins === '*' ? '*' : [...config.http.corsOrigins],
    // ETag and Retry-After are not CORS-safelisted response headers, so the portal could not read
    // an item's tag or a 429's wait otherwise.
    exposedHeaders: [REQUEST_ID_HEADER, 'ETag', 'Retry-After'],
    maxAge: 600,
  });
  if (config.http.rateLimitPerMinute > 0) {
    app.use(rateLimitMiddleware(config.http.rateLimitPerMinute, rateLimitKeyResolver(app.get<IdentityProvider>(IDENTITY_PROVIDER))));
  }
  app.use(jsonBodyParser(config.http.bodyLimitBytes));
  app.use(bodyParsingErrorHandler(config.http.bodyLimitBytes));
  app.useGlobalFilters(new ErrorBodyFilter());

  SwaggerModule.setup('api-docs', app, buildOpenApiDocument(SERVER_VERSION) as unknown as OpenAPIObject, {
    jsonDocumentUrl: 'api-docs-json',
  });

  return app;
}
