import type { z } from 'zod';

import {
  BlobListQuerySchema,
  BlobSchema,
  CallerSchema,
  CategorySchema,
  CreateBlobRequestSchema,
  CreateCategoryRequestSchema,
  CreateItemRequestSchema,
  CreateTagRequestSchema,
  CreatedSchema,
  DevUserSchema,
  HealthSchema,
  ItemListQuerySchema,
  ItemSchema,
  LinkedCategorySchema,
  LinkedTagSchema,
  ItemPageSchema,
  ListedItemSchema,
  RevisionDiffQuerySchema,
  RevisionDiffSchema,
  RevisionSchema,
  RevisionSummarySchema,
  StarStateSchema,
  TagSchema,
  UpdateBlobRequestSchema,
  UpdateCategoryRequestSchema,
  UpdateItemRequestSchema,
  UpdateTagRequestSchema,
  UseResultSchema,
} from '@openpai-marketplace/shared-types';

/** Success body: a schema from shared-types (optionally a list of it), or one fixed text. */
export type SuccessBody =
  | { schema: z.ZodType; list?: boolean }
  | { oneOf: { schema: z.ZodType; list?: boolean }[] }
  | { text: string }
  | { jsonString: string };

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path, with `{param}` placeholders. */
  path: string;
  tag: string;
  summary: string;
  public?: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  status: number;
  success: SuccessBody;
  /** The success response carries an ETag header naming the resource's current state. */
  etag?: boolean;
  /** The route accepts an If-Match header and returns 412 when it does not match the current ETag. */
  ifMatch?: boolean;
  /** Error statuses this route can return besides those the document adds itself: 401, 413 and 415 (with a body), 429, 500 and 503. */
  errors: number[];
}

/**
 * Every route the restserver serves, as documented in the OpenAPI document. A spec compares
 * this list with the routes Nest actually registered, so neither can drift from the other.
 */
export const API_ROUTES: ApiRoute[] = [
  { method: 'get', path: '/', tag: 'health', summary: 'Greeting text, kept from the original server', public: true, status: 200, success: { text: 'Welcome to marketplace!' }, errors: [] },
  { method: 'get', path: '/healthz', tag: 'health', summary: 'Liveness: the process serves HTTP', public: true, status: 200, success: { schema: HealthSchema }, errors: [] },
  { method: 'get', path: '/readyz', tag: 'health', summary: 'Readiness: database reachable and migrated (503 with the failing check otherwise)', public: true, status: 200, success: { schema: HealthSchema }, errors: [] },

  { method: 'get', path: '/auth/me', tag: 'auth', summary: 'The caller as identified from the bearer token', status: 200, success: { schema: CallerSchema }, errors: [] },
  { method: 'get', path: '/auth/dev-users', tag: 'auth', summary: 'Development identity only: the configured users and their tokens', public: true, status: 200, success: { schema: DevUserSchema, list: true }, errors: [404] },

  { method: 'get', path: '/items', tag: 'items', summary: 'Items visible to the caller that match the filters: a bare array, or an ItemPage when `limit` or `offset` is given', query: ItemListQuerySchema, status: 200, success: { oneOf: [{ schema: ListedItemSchema, list: true }, { schema: ItemPageSchema }] }, errors: [400] },
  { method: 'post', path: '/items', tag: 'items', summary: 'Create an item authored by the caller', body: CreateItemRequestSchema, status: 201, success: { schema: CreatedSchema }, errors: [400, 403, 413] },
  { method: 'get', path: '/items/{itemId}', tag: 'items', summary: 'One item (404 when it does not exist or is not visible to the caller), with an ETag for If-Match', status: 200, success: { schema: ItemSchema }, etag: true, errors: [400, 404] },
  { method: 'put', path: '/items/{itemId}', tag: 'items', summary: 'Change the fields given; author or admin, admins only for official examples', body: UpdateItemRequestSchema, status: 200, success: { text: 'updated' }, ifMatch: true, errors: [400, 403, 404, 412, 413] },
  { method: 'delete', path: '/items/{itemId}', tag: 'items', summary: 'Delete an item; author or admin, admins only for official examples', status: 200, success: { text: 'deleted' }, ifMatch: true, errors: [400, 403, 404, 412] },

  { method: 'get', path: '/items/{itemId}/tag', tag: 'item links', summary: 'Tags linked to an item', status: 200, success: { schema: LinkedTagSchema, list: true }, errors: [400, 404] },
  { method: 'post', path: '/items/{itemId}/tag/{tagId}', tag: 'item links', summary: 'Link a tag to an item (linking twice changes nothing)', status: 200, success: { text: 'added' }, errors: [400, 403, 404] },
  { method: 'delete', path: '/items/{itemId}/tag/{tagId}', tag: 'item links', summary: 'Unlink a tag from an item', status: 200, success: { jsonString: 'deleted' }, errors: [400, 403, 404] },
  { method: 'get', path: '/items/{itemId}/category', tag: 'item links', summary: 'Categories linked to an item', status: 200, success: { schema: LinkedCategorySchema, list: true }, errors: [400, 404] },
  { method: 'post', path: '/items/{itemId}/category/{categoryId}', tag: 'item links', summary: 'Link a category to an item; "official example" needs an admin', status: 200, success: { text: 'added' }, errors: [400, 403, 404] },
  { method: 'delete', path: '/items/{itemId}/category/{categoryId}', tag: 'item links', summary: 'Unlink a category from an item', status: 200, success: { jsonString: 'deleted' }, errors: [400, 403, 404] },

  { method: 'put', path: '/items/{itemId}/star', tag: 'engagement', summary: 'Star an item the caller can see (starring twice changes nothing)', status: 200, success: { schema: StarStateSchema }, errors: [400, 404] },
  { method: 'delete', path: '/items/{itemId}/star', tag: 'engagement', summary: 'Remove the caller\'s star', status: 200, success: { schema: StarStateSchema }, errors: [400, 404] },
  { method: 'get', path: '/stars', tag: 'engagement', summary: 'Items the caller starred and can still see, most recent star first', status: 200, success: { schema: ListedItemSchema, list: true }, errors: [] },
  { method: 'post', path: '/items/{itemId}/use', tag: 'engagement', summary: 'Record a launch; one per user and item per hour counts', status: 200, success: { schema: UseResultSchema }, errors: [400, 404] },
  { method: 'get', path: '/items/{itemId}/revisions', tag: 'history', summary: 'Earlier states of an item, newest first', status: 200, success: { schema: RevisionSummarySchema, list: true }, errors: [400, 404] },
  { method: 'get', path: '/items/{itemId}/revisions/{revision}', tag: 'history', summary: 'One earlier state of an item', status: 200, success: { schema: RevisionSchema }, errors: [400, 404] },
  { method: 'get', path: '/items/{itemId}/diff', tag: 'history', summary: 'Line diff of protocol and description between two states (`from`, `to`: a revision or `current`)', query: RevisionDiffQuerySchema, status: 200, success: { schema: RevisionDiffSchema }, errors: [400, 404] },
  { method: 'post', path: '/items/{itemId}/copy', tag: 'engagement', summary: 'Copy an item the caller can see into a private item of theirs', status: 201, success: { schema: CreatedSchema }, errors: [400, 404] },

  { method: 'get', path: '/tags', tag: 'tags', summary: 'Every tag', status: 200, success: { schema: TagSchema, list: true }, errors: [] },
  { method: 'post', path: '/tags', tag: 'tags', summary: 'Create a tag (any signed-in user)', body: CreateTagRequestSchema, status: 201, success: { schema: CreatedSchema }, errors: [400, 409, 413] },
  { method: 'get', path: '/tags/{tagId}', tag: 'tags', summary: 'One tag', status: 200, success: { schema: TagSchema }, errors: [400, 404] },
  { method: 'put', path: '/tags/{tagId}', tag: 'tags', summary: 'Change a tag (admins)', body: UpdateTagRequestSchema, status: 200, success: { text: 'updated' }, errors: [400, 403, 404, 409] },
  { method: 'delete', path: '/tags/{tagId}', tag: 'tags', summary: 'Delete a tag and its links (admins)', status: 200, success: { text: 'deleted' }, errors: [400, 403, 404] },

  { method: 'get', path: '/categories', tag: 'categories', summary: 'Every category', status: 200, success: { schema: CategorySchema, list: true }, errors: [] },
  { method: 'post', path: '/categories', tag: 'categories', summary: 'Create a category (admins)', body: CreateCategoryRequestSchema, status: 201, success: { schema: CreatedSchema }, errors: [400, 403, 409, 413] },
  { method: 'get', path: '/categories/{categoryId}', tag: 'categories', summary: 'One category', status: 200, success: { schema: CategorySchema }, errors: [400, 404] },
  { method: 'put', path: '/categories/{categoryId}', tag: 'categories', summary: 'Change a category (admins)', body: UpdateCategoryRequestSchema, status: 200, success: { text: 'updated' }, errors: [400, 403, 404, 409] },
  { method: 'delete', path: '/categories/{categoryId}', tag: 'categories', summary: 'Delete a category and its links (admins)', status: 200, success: { text: 'deleted' }, errors: [400, 403, 404] },

  { method: 'get', path: '/storages/blobs', tag: 'storages', summary: 'Blob storage records matching the filters (admins)', query: BlobListQuerySchema, status: 200, success: { schema: BlobSchema, list: true }, errors: [400, 403] },
  { method: 'post', path: '/storages/blobs', tag: 'storages', summary: 'Create a blob storage record (admins)', body: CreateBlobRequestSchema, status: 201, success: { schema: CreatedSchema }, errors: [400, 403, 413] },
  { method: 'get', path: '/storages/blobs/{blobId}', tag: 'storages', summary: 'One blob storage record (admins)', status: 200, success: { schema: BlobSchema }, errors: [400, 403, 404] },
  { method: 'put', path: '/storages/blobs/{blobId}', tag: 'storages', summary: 'Change a blob storage record (admins)', body: UpdateBlobRequestSchema, status: 200, success: { text: 'updated' }, errors: [400, 403, 404, 413] },
  { method: 'delete', path: '/storages/blobs/{blobId}', tag: 'storages', summary: 'Delete a blob storage record (admins)', status: 200, success: { text: 'deleted' }, errors: [400, 403, 404] },
];
