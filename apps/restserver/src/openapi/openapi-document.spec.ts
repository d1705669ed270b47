import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { SERVER_VERSION } from '../version';
import { API_ROUTES } from './api-routes';
import { buildOpenApiDocument } from './openapi-document';

const COMMITTED_DOCUMENT = resolve(__dirname, '../../openapi.json');

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument(SERVER_VERSION) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown> };
  };

  it('matches the committed copy (run npm run openapi to refresh it)', () => {
    const committed = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('documents every route of the original API', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const original = [
      'GET /items', 'POST /items', 'GET /items/{itemId}', 'PUT /items/{itemId}', 'DELETE /items/{itemId}',
      'GET /items/{itemId}/tag', 'POST /items/{itemId}/tag/{tagId}', 'DELETE /items/{itemId}/tag/{tagId}',
      'GET /items/{itemId}/category', 'POST /items/{itemId}/category/{categoryId}', 'DELETE /items/{itemId}/category/{categoryId}',
      'GET /tags', 'POST /tags', 'GET /tags/{tagId}', 'PUT /tags/{tagId}', 'DELETE /tags/{tagId}',
      'GET /categories', 'POST /categories', 'GET /categories/{categoryId}', 'PUT /categories/{categoryId}', 'DELETE /categories/{categoryId}',
      'GET /storages/blobs', 'POST /storages/blobs', 'GET /storages/blobs/{blobId}', 'PUT /storages/blobs/{blobId}', 'DELETE /storages/blobs/{blobId}',
    ];
    expect(documented).toEqual(expect.arrayContaining(original));
  });

  it('names the item and error schemas as components', () => {
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Item', 'ListedItem', 'ErrorBody', 'CreateItemRequest']));
  });

  it('documents 401 on every route that needs a token', () => {
    for (const route of API_ROUTES.filter((candidate) => !candidate.public)) {
      expect(Object.keys(document.paths[route.path][route.method].responses)).toContain('401');
    }
  });
});
