import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';

import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { ErrorBodyFilter } from './common/errors/error-body.filter';
import { bodyParsingErrorHandler, jsonBodyParser } from './common/http/body-parsing';
import { REQUEST_ID_HEADER, requestIdMiddleware } from './common/http/request-id';
import { requestLogMiddleware } from './common/http/request-log';
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
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware);
  app.use(securityHeaders);
  app.enableCors({
    origin: config.http.corsOrigins === '*' ? '*' : [...config.http.corsOrigins],
    // ETag is not a CORS-safelisted response header, so the portal could not read an item's tag otherwise.
    exposedHeaders: [REQUEST_ID_HEADER, 'ETag'],
    maxAge: 600,
  });
  app.use(jsonBodyParser(config.http.bodyLimitBytes));
  app.use(bodyParsingErrorHandler(config.http.bodyLimitBytes));
  app.useGlobalFilters(new ErrorBodyFilter());

  SwaggerModule.setup('api-docs', app, buildOpenApiDocument(SERVER_VERSION) as unknown as OpenAPIObject, {
    jsonDocumentUrl: 'api-docs-json',
  });

  return app;
}

function securityHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  next();
}
