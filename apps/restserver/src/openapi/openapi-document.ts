import { z } from 'zod';

import { ErrorBodySchema } from '@openpai-marketplace/shared-types';

import { UNLIMITED_PATHS } from '../common/http/rate-limit';
import { API_ROUTES, type ApiRoute, type SuccessBody } from './api-routes';

type JsonObject = Record<string, unknown>;

const SCHEMA_PREFIX = '#/components/schemas/';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `message` names the field and what was expected',
  401: 'Missing, malformed or rejected bearer token',
  403: 'The caller may not do this',
  404: 'No such resource, or not visible to the caller',
  409: 'The name is already taken',
  412: 'If-Match does not match the current ETag: the item changed (or was deleted) since the client read it',
  413: 'The request body is over the size limit',
  415: 'The request body is not JSON, or not in UTF-8',
  429: 'Too many requests from this user (or, without a valid token, this client address); wait the seconds in `Retry-After`',
  500: 'Unexpected server error; the details are in the server log',
  503: "The database or OpenPAI's rest-server cannot be reached",
};

const RETRY_AFTER_HEADER = {
  description: 'Whole seconds to wait before the next request of this user or client address is allowed',
  schema: { type: 'integer', minimum: 1 },
};

const ETAG_HEADER = {
  description: "Strong entity tag of the item's editable fields; counters and the caller's star do not change it",
  schema: { type: 'string' },
};

const IF_MATCH_PARAMETER = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'ETag from GET, or *: the change applies only while the item is in that state, 412 otherwise. Without it the change always applies',
  schema: { type: 'string' },
};

/**
 * Builds the OpenAPI 3.1 document from the route list and the shared-types schemas. Component
 * schemas are generated from the same zod definitions that validate requests at run time.
 */
export function buildOpenApiDocument(version: string): JsonObject {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', uri: (id) => `${SCHEMA_PREFIX}${id}`, unrepresentable: 'any' }) as {
    schemas: Record<string, JsonObject>;
  };
  for (const [id, schema] of Object.entries(schemas)) {
    delete schema.$schema;
    delete schema.$id;
    // Request bodies and queries drop unknown fields rather than reject them, as the original did.
    if (/(Request|Query)$/.test(id)) {
      delete schema.additionalProperties;
    }
  }

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of API_ROUTES) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = describeOperation(route);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenPAI Marketplace REST API',
      version,
      description:
        'Drop-in replacement for the REST API of OpenPAI Marketplace v1.8. Authenticate with `Authorization: Bearer <OpenPAI token>`.',
    },
    tags: [...new Set(API_ROUTES.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: "A token issued by OpenPAI's rest-server" } },
    },
    security: [{ bearer: [] }],
  };
}

function describeOperation(route: ApiRoute): JsonObject {
  const operation: JsonObject = {
    tags: [route.tag],
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[{}]/g, '').replace(/\/([a-z])/g, (_match, letter: string) => letter.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}` || 'root',
    parameters: [...pathParameters(route.path), ...queryParameters(route.query), ...(route.ifMatch ? [IF_MATCH_PARAMETER] : [])],
    responses: describeResponses(route),
  };
  if (route.public) {
    operation.security = [];
  }
  if (route.body) {
    operation.requestBody = { required: true, content: { 'application/json': { schema: reference(route.body) } } };
  }
  return operation;
}

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9._~-]+$' },
  }));
}

function queryParameters(query: z.ZodObject | undefined): JsonObject[] {
  if (!query) {
    return [];
  }
  return Object.entries(query.shape).map(([name, property]) => {
    const { description, $schema: _dialect, ...schema } = z.toJSONSchema(property as z.ZodType, { target: 'draft-2020-12', io: 'input' }) as JsonObject;
    return { name, in: 'query', required: false, description, schema };
  });
}

function describeResponses(route: ApiRoute): JsonObject {
  const responses: JsonObject = {
    [route.status]: { description: 'Success', ...(route.etag ? { headers: { ETag: ETAG_HEADER } } : {}), content: successContent(route.success) },
  };
  // Every route that reads a body takes JSON only, up to BODY_LIMIT_BYTES.
  const bodyErrors = route.body ? [413, 415] : [];
  const rateLimited = !UNLIMITED_PATHS.includes(route.path);
  const errors = new Set([...route.errors, ...bodyErrors, ...(route.public ? [] : [401]), ...(rateLimited ? [429] : []), 500, 503]);
  for (const status of [...errors].sort()) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      ...(status === 429 ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
      content: { 'application/json': { schema: reference(ErrorBodySchema) } },
    };
  }
  return responses;
}

function successContent(success: SuccessBody): JsonObject {
  if ('text' in success) {
    return { 'text/plain': { schema: { type: 'string', const: success.text } } };
  }
  if ('jsonString' in success) {
    return { 'application/json': { schema: { type: 'string', const: success.jsonString } } };
  }
  if ('oneOf' in success) {
    return { 'application/json': { schema: { oneOf: success.oneOf.map(jsonSchemaOf) } } };
  }
  return { 'application/json': { schema: jsonSchemaOf(success) } };
}

function jsonSchemaOf(body: { schema: z.ZodType; list?: boolean }): JsonObject {
  const schema = reference(body.schema);
  return body.list ? { type: 'array', items: schema } : schema;
}

function reference(schema: z.ZodType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) {
    throw new Error('Every schema used in the API must carry .meta({ id }) so that it becomes a named component');
  }
  return { $ref: `${SCHEMA_PREFIX}${id}` };
}
