import { itemBody, jobProtocol } from '../factories';
import type { TestUser } from '../test-app';

/**
 * Requests that carry bad input, one a row, each with the 4xx it must get and what the error
 * must name. bad-input.integration-spec.ts sends every row and also checks that the error body
 * has the shared shape, repeats no injected value raw, and that no stored row changed.
 *
 * Paths are sent byte for byte. `{item}`, `{tag}`, `{category}` and `{blob}` stand for rows the
 * spec creates first: alice's public item, linked to a tag and a category and edited once (so it
 * has revision 1), and a blob record. A tag named TAKEN_TAG_NAME exists too. Rows run as alice
 * unless `as` names another caller.
 */
export interface BadInputCase {
  /** What is wrong with the request; the test name. */
  name: string;
  /** The route as API_ROUTES lists it, e.g. `post /items/{itemId}/tag/{tagId}`. */
  route: string;
  as?: TestUser | 'anonymous';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Extra headers; they replace the bearer token when they set Authorization. */
  headers?: Record<string, string>;
  /** A JSON value, serialised and sent as application/json. */
  json?: unknown;
  /** Body text sent as it is, with Content-Type application/json unless `headers` sets one. */
  raw?: string;
  status: number;
  code: string;
  /** Text that the message or a detail must contain: the field, parameter or header. */
  field: string;
  /** What was expected, as the message or a detail must state it. */
  expectation: RegExp;
  /** A client-supplied value that the response must not repeat raw. */
  injected?: string;
}

/** The limit of BODY_LIMIT_BYTES the spec starts the server with: its documented default. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const MARKUP = '<script>alert(1)</script>';
const IMAGE_MARKUP = '<img src=x onerror=alert(1)>';
/** A bell, an ANSI colour escape (which would recolour a terminal showing a log) and a newline. */
const CONTROL_CHARACTERS = 'bell\u0007esc\u001b[31mred\nline';
/** U+202E RIGHT-TO-LEFT OVERRIDE, which makes "abc\u202Egnp.exe" display as "abcexe.png". */
const RTL_OVERRIDE = 'abc\u202egnp.exe';
const ID_256 = 'i'.repeat(256);
/** Name of a tag the spec creates before the cases run. */
export const TAKEN_TAG_NAME = '<b>taken</b>';
const TEXT_256 = 'n'.repeat(256);
const TEN_KILOBYTES = 'k'.repeat(10 * 1024);
const LONG_MARKUP = `${MARKUP}${'m'.repeat(10 * 1024)}`;

const ID_EXPECTATION = /must contain only letters, digits, "\.", "_", "~" and "-"/;
const AT_MOST_255 = /must be at most 255 characters long/;
const MUST_BE_OBJECT = /must be a JSON object/;

const encode = encodeURIComponent;

/** An item body that passes every check except the overrides. */
const validItem = (overrides: Record<string, unknown> = {}) => ({ ...itemBody('alice'), ...overrides });
const withProtocol = (protocol: string) => validItem({ protocol });
const withoutField = (field: string) => Object.fromEntries(Object.entries(validItem()).filter(([key]) => key !== field));

/** Anchors that each repeat the one before nine times: 9^9 strings once expanded. */
function billionLaughs(): string {
  const levels = ['a: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    levels.push(`a${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
  }
  return `${jobProtocol()}extras:\n${levels.map((line) => `  ${line}`).join('\n')}\n`;
}

/** A protocol with `line` replaced, to break one rule while keeping the rest valid. */
const protocolWith = (line: string, replacement: string) => jobProtocol().replace(line, replacement);

const BODY_CASES: BadInputCase[] = [
  { name: 'malformed JSON', route: 'post /items', method: 'POST', path: '/items', raw: '{"name": "broken",', status: 400, code: 'invalid_json', field: 'body', expectation: /not valid JSON/ },
  { name: 'malformed JSON around markup', route: 'post /tags', method: 'POST', path: '/tags', raw: `{"name": ${MARKUP}}`, status: 400, code: 'invalid_json', field: 'body', expectation: /not valid JSON/, injected: MARKUP },
  { name: 'JSON with a control character in a string', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', raw: `{"summary": "a${'\u0001'}b"}`, status: 400, code: 'invalid_json', field: 'body', expectation: /not valid JSON/, injected: '\u0001' },
  { name: 'body over the size limit', route: 'post /items', method: 'POST', path: '/items', json: validItem({ description: 'd'.repeat(BODY_LIMIT_BYTES) }), status: 413, code: 'body_too_large', field: 'body', expectation: new RegExp(`limit of ${BODY_LIMIT_BYTES} bytes`) },
  { name: 'body over the size limit on an update', route: 'put /storages/blobs/{blobId}', as: 'admin', method: 'PUT', path: '/storages/blobs/{blob}', raw: `{"tokens": ["${'t'.repeat(BODY_LIMIT_BYTES)}"]}`, status: 413, code: 'body_too_large', field: 'body', expectation: new RegExp(`limit of ${BODY_LIMIT_BYTES} bytes`) },
  { name: 'empty body with a JSON type', route: 'post /items', method: 'POST', path: '/items', raw: '', status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'no body and no Content-Type', route: 'post /tags', method: 'POST', path: '/tags', status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'empty body on an update', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', raw: '', status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'JSON array nested 100000 levels deep', route: 'post /tags', method: 'POST', path: '/tags', raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'JSON array instead of an object', route: 'post /items', method: 'POST', path: '/items', json: [validItem()], status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'JSON null', route: 'post /tags', method: 'POST', path: '/tags', raw: 'null', status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'JSON string', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', raw: '"summary"', status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'JSON number', route: 'post /categories', as: 'admin', method: 'POST', path: '/categories', raw: '42', status: 400, code: 'invalid_body', field: 'body', expectation: MUST_BE_OBJECT },
  { name: 'text/plain body', route: 'post /tags', method: 'POST', path: '/tags', headers: { 'Content-Type': 'text/plain' }, raw: 'plain-text-tag', status: 415, code: 'unsupported_media_type', field: 'Content-Type', expectation: /application\/json/ },
  { name: 'form-encoded body', route: 'put /categories/{categoryId}', as: 'admin', method: 'PUT', path: '/categories/{category}', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, raw: 'description=x', status: 415, code: 'unsupported_media_type', field: 'Content-Type', expectation: /application\/json/ },
  { name: 'body without a Content-Type', route: 'post /storages/blobs', as: 'admin', method: 'POST', path: '/storages/blobs', headers: { 'Content-Type': '' }, raw: '{"type": "azureBlob"}', status: 415, code: 'unsupported_media_type', field: 'Content-Type', expectation: /application\/json/ },
  { name: 'markup as the Content-Type', route: 'put /tags/{tagId}', as: 'admin', method: 'PUT', path: '/tags/{tag}', headers: { 'Content-Type': `text/${IMAGE_MARKUP}` }, raw: '{}', status: 415, code: 'unsupported_media_type', field: 'Content-Type', expectation: /application\/json/, injected: IMAGE_MARKUP },
  { name: 'unsupported charset', route: 'post /items', method: 'POST', path: '/items', headers: { 'Content-Type': 'application/json; charset=latin1' }, raw: '{}', status: 415, code: 'unsupported_encoding', field: 'charset', expectation: /UTF-8/ },
  { name: 'unsupported Content-Encoding', route: 'post /tags', method: 'POST', path: '/tags', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'compress' }, raw: '{}', status: 415, code: 'unsupported_encoding', field: 'encoding', expectation: /UTF-8/ },
  { name: '__proto__ and constructor keys without a name', route: 'post /tags', method: 'POST', path: '/tags', raw: '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}', status: 400, code: 'invalid_body', field: 'name', expectation: /is required/ },
  { name: 'a NUL character, which PostgreSQL cannot store', route: 'post /tags', method: 'POST', path: '/tags', json: { name: 'nul\u0000tag' }, status: 400, code: 'invalid_body', field: 'name', expectation: /NUL/ },
  { name: 'a NUL character in a list element', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { tags: ['ok', 'nul\u0000label'] }, status: 400, code: 'invalid_body', field: 'tags.1', expectation: /NUL/ },
  { name: 'an unpaired UTF-16 surrogate', route: 'post /categories', as: 'admin', method: 'POST', path: '/categories', raw: '{"name": "half \\ud83d surrogate"}', status: 400, code: 'invalid_body', field: 'name', expectation: /unpaired surrogate/ },
];

/** Errors that quote a value the client sent: the quote must be short and escaped. */
const QUOTED_VALUE_CASES: BadInputCase[] = [
  { name: 'tag name taken, written in markup', route: 'post /tags', method: 'POST', path: '/tags', json: { name: TAKEN_TAG_NAME }, status: 409, code: 'tag_name_taken', field: 'tag named', expectation: /already exists/, injected: TAKEN_TAG_NAME },
  { name: 'author of someone else, written in markup', route: 'post /items', method: 'POST', path: '/items', json: validItem({ author: MARKUP }), status: 403, code: 'author_mismatch', field: 'author', expectation: /must be your own user name "alice"/, injected: MARKUP },
  { name: 'unknown route with markup and control characters', route: 'get /items/{itemId}', method: 'GET', path: `/items/{item}/${encode(IMAGE_MARKUP)}/${encode(CONTROL_CHARACTERS)}`, status: 404, code: 'route_not_found', field: 'GET', expectation: /No route matches/, injected: IMAGE_MARKUP },
  { name: 'unknown route with a raw path of 10 kB', route: 'get /items/{itemId}', method: 'GET', path: `/items/{item}/${TEN_KILOBYTES}`, status: 404, code: 'route_not_found', field: 'GET', expectation: /No route matches/, injected: TEN_KILOBYTES },
];

const TYPE_CASES: BadInputCase[] = [
  { name: 'name is a number', route: 'post /items', method: 'POST', path: '/items', json: validItem({ name: 5 }), status: 400, code: 'invalid_body', field: 'name', expectation: /must be a string, not number/ },
  { name: 'isPublic is a string', route: 'post /items', method: 'POST', path: '/items', json: validItem({ isPublic: 'yes' }), status: 400, code: 'invalid_body', field: 'isPublic', expectation: /must be a boolean, not string/ },
  { name: 'isPrivate is null', route: 'post /items', method: 'POST', path: '/items', json: validItem({ isPrivate: null }), status: 400, code: 'invalid_body', field: 'isPrivate', expectation: /must be a boolean, not null/ },
  { name: 'tags is a comma-separated string', route: 'post /items', method: 'POST', path: '/items', json: validItem({ tags: 'a,b' }), status: 400, code: 'invalid_body', field: 'tags', expectation: /must be an array, not string/ },
  { name: 'protocol is an object', route: 'post /items', method: 'POST', path: '/items', json: validItem({ protocol: { protocolVersion: 2 } }), status: 400, code: 'invalid_body', field: 'protocol', expectation: /must be a string, not object/ },
  { name: 'groupList holds numbers', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { isPublic: false, isPrivate: false, groupList: [1, 2] }, status: 400, code: 'invalid_body', field: 'groupList.0', expectation: /must be a string, not number/ },
  { name: 'color is a number', route: 'post /tags', method: 'POST', path: '/tags', json: { name: 'typed', color: 123 }, status: 400, code: 'invalid_body', field: 'color', expectation: /must be a string, not number/ },
  { name: 'description is a boolean', route: 'put /categories/{categoryId}', as: 'admin', method: 'PUT', path: '/categories/{category}', json: { description: true }, status: 400, code: 'invalid_body', field: 'description', expectation: /must be a string, not boolean/ },
  { name: 'connectionStrings is a string', route: 'post /storages/blobs', as: 'admin', method: 'POST', path: '/storages/blobs', json: { type: 'azureBlob', storageAccount: 'a', containerName: 'c', connectionStrings: 'x' }, status: 400, code: 'invalid_body', field: 'connectionStrings', expectation: /must be an array, not string/ },
  { name: 'users is an object', route: 'put /storages/blobs/{blobId}', as: 'admin', method: 'PUT', path: '/storages/blobs/{blob}', json: { users: { alice: true } }, status: 400, code: 'invalid_body', field: 'users', expectation: /must be an array, not object/ },
];

const MISSING_CASES: BadInputCase[] = [
  { name: 'name missing', route: 'post /items', method: 'POST', path: '/items', json: withoutField('name'), status: 400, code: 'invalid_body', field: 'name', expectation: /is required/ },
  { name: 'type missing', route: 'post /items', method: 'POST', path: '/items', json: withoutField('type'), status: 400, code: 'invalid_body', field: 'type', expectation: /is required/ },
  { name: 'protocol missing', route: 'post /items', method: 'POST', path: '/items', json: withoutField('protocol'), status: 400, code: 'invalid_body', field: 'protocol', expectation: /is required/ },
  { name: 'author missing', route: 'post /items', method: 'POST', path: '/items', json: withoutField('author'), status: 400, code: 'invalid_body', field: 'author', expectation: /is required/ },
  { name: 'tag name missing', route: 'post /tags', method: 'POST', path: '/tags', json: { color: '#000000' }, status: 400, code: 'invalid_body', field: 'name', expectation: /is required/ },
  { name: 'category name missing', route: 'post /categories', as: 'admin', method: 'POST', path: '/categories', json: { description: 'nameless' }, status: 400, code: 'invalid_body', field: 'name', expectation: /is required/ },
  { name: 'storage account missing', route: 'post /storages/blobs', as: 'admin', method: 'POST', path: '/storages/blobs', json: { type: 'azureBlob', containerName: 'c', connectionStrings: [] }, status: 400, code: 'invalid_body', field: 'storageAccount', expectation: /is required/ },
  { name: 'diff without from', route: 'get /items/{itemId}/diff', method: 'GET', path: '/items/{item}/diff', status: 400, code: 'invalid_query', field: 'from', expectation: /is required/ },
];

const LENGTH_CASES: BadInputCase[] = [
  { name: 'name of 256 characters', route: 'post /items', method: 'POST', path: '/items', json: validItem({ name: TEXT_256 }), status: 400, code: 'invalid_body', field: 'name', expectation: AT_MOST_255, injected: TEXT_256 },
  { name: 'summary of 256 characters', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { summary: TEXT_256 }, status: 400, code: 'invalid_body', field: 'summary', expectation: AT_MOST_255, injected: TEXT_256 },
  { name: 'dataUrl of 256 characters', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { dataUrl: `https://example.org/${'p'.repeat(240)}` }, status: 400, code: 'invalid_body', field: 'dataUrl', expectation: AT_MOST_255 },
  { name: 'a tag label of 256 characters', route: 'post /items', method: 'POST', path: '/items', json: validItem({ tags: ['ok', TEXT_256] }), status: 400, code: 'invalid_body', field: 'tags.1', expectation: AT_MOST_255 },
  { name: 'a group of 256 characters', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { isPublic: false, isPrivate: false, groupList: [TEXT_256] }, status: 400, code: 'invalid_body', field: 'groupList.0', expectation: AT_MOST_255 },
  { name: 'description over 512 KiB', route: 'post /items', method: 'POST', path: '/items', json: validItem({ description: 'd'.repeat(512 * 1024 + 1) }), status: 400, code: 'invalid_body', field: 'description', expectation: /must be at most 524288 characters long/ },
  { name: 'tag name of 256 characters with markup', route: 'post /tags', method: 'POST', path: '/tags', json: { name: `${MARKUP}${TEXT_256}` }, status: 400, code: 'invalid_body', field: 'name', expectation: AT_MOST_255, injected: `${MARKUP}${TEXT_256}` },
  { name: 'tag color of 256 characters', route: 'put /tags/{tagId}', as: 'admin', method: 'PUT', path: '/tags/{tag}', json: { color: TEXT_256 }, status: 400, code: 'invalid_body', field: 'color', expectation: AT_MOST_255 },
  { name: 'category name of 256 characters', route: 'post /categories', as: 'admin', method: 'POST', path: '/categories', json: { name: TEXT_256 }, status: 400, code: 'invalid_body', field: 'name', expectation: AT_MOST_255 },
  { name: 'container name of 256 characters', route: 'post /storages/blobs', as: 'admin', method: 'POST', path: '/storages/blobs', json: { type: 'azureBlob', storageAccount: 'a', containerName: TEXT_256, connectionStrings: [] }, status: 400, code: 'invalid_body', field: 'containerName', expectation: AT_MOST_255 },
  { name: '101 connection strings', route: 'put /storages/blobs/{blobId}', as: 'admin', method: 'PUT', path: '/storages/blobs/{blob}', json: { connectionStrings: Array(101).fill('c') }, status: 400, code: 'invalid_body', field: 'connectionStrings', expectation: /must have at most 100 entries/ },
];

const ENUM_CASES: BadInputCase[] = [
  { name: 'unknown type', route: 'post /items', method: 'POST', path: '/items', json: validItem({ type: 'model' }), status: 400, code: 'invalid_body', field: 'type', expectation: /must be one of "template", "data", "old"/ },
  { name: 'unknown source', route: 'post /items', method: 'POST', path: '/items', json: validItem({ source: 'github' }), status: 400, code: 'invalid_body', field: 'source', expectation: /must be one of "marketplace", "pai"/ },
  { name: 'unknown status', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { status: 'published' }, status: 400, code: 'invalid_body', field: 'status', expectation: /must be one of "pending", "approved", "rejected"/ },
  { name: 'type with markup', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { type: MARKUP }, status: 400, code: 'invalid_body', field: 'type', expectation: /must be one of/, injected: MARKUP },
  { name: 'unknown type filter', route: 'get /items', method: 'GET', path: '/items?type=model', status: 400, code: 'invalid_query', field: 'type', expectation: /must be one of "all", "template", "data", "old"/ },
  { name: 'unknown source filter', route: 'get /items', method: 'GET', path: '/items?source=github', status: 400, code: 'invalid_query', field: 'source', expectation: /must be one of "marketplace", "pai"/ },
  { name: 'unknown sort', route: 'get /items', method: 'GET', path: '/items?sort=popular', status: 400, code: 'invalid_query', field: 'sort', expectation: /must be one of "relevance", "newest", "updated", "stars", "uses"/ },
  { name: 'facets neither true nor false', route: 'get /items', method: 'GET', path: '/items?limit=5&facets=yes', status: 400, code: 'invalid_query', field: 'facets', expectation: /must be one of "true", "false"/ },
];

const ID_CASES: BadInputCase[] = [
  { name: 'item id of 256 characters', route: 'get /items/{itemId}', method: 'GET', path: `/items/${ID_256}`, status: 400, code: 'invalid_path', field: 'itemId', expectation: AT_MOST_255, injected: ID_256 },
  { name: 'item id with markup', route: 'get /items/{itemId}', method: 'GET', path: `/items/${encode(MARKUP)}`, status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION, injected: MARKUP },
  { name: 'item id with raw markup in the path', route: 'put /items/{itemId}', method: 'PUT', path: '/items/<img>', json: { summary: 'x' }, status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION, injected: '<img>' },
  { name: 'item id with control characters', route: 'delete /items/{itemId}', method: 'DELETE', path: `/items/${encode(CONTROL_CHARACTERS)}`, status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION, injected: CONTROL_CHARACTERS },
  { name: 'item id with an encoded slash', route: 'get /items/{itemId}', method: 'GET', path: '/items/..%2F..%2Fetc', status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION },
  { name: 'item id ..', route: 'delete /items/{itemId}', method: 'DELETE', path: '/items/..', status: 400, code: 'invalid_path', field: 'itemId', expectation: /must not consist of dots only/ },
  { name: 'item id .. percent-encoded', route: 'put /items/{itemId}', method: 'PUT', path: '/items/%2E%2E', json: { summary: 'x' }, status: 400, code: 'invalid_path', field: 'itemId', expectation: /must not consist of dots only/ },
  { name: 'item id with a malformed percent escape', route: 'get /items/{itemId}', method: 'GET', path: '/items/%E0%A4%A', status: 400, code: 'invalid_path', field: 'path', expectation: /percent-encod/ },
  { name: 'item id with SQL', route: 'get /items/{itemId}/tag', method: 'GET', path: `/items/${encode("1' OR '1'='1")}/tag`, status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION },
  { name: 'item id with a right-to-left override', route: 'get /items/{itemId}/category', method: 'GET', path: `/items/${encode(RTL_OVERRIDE)}/category`, status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION, injected: RTL_OVERRIDE },
  { name: 'linked tag id with markup', route: 'post /items/{itemId}/tag/{tagId}', method: 'POST', path: `/items/{item}/tag/${encode(IMAGE_MARKUP)}`, status: 400, code: 'invalid_path', field: 'tagId', expectation: ID_EXPECTATION, injected: IMAGE_MARKUP },
  { name: 'tag id of 256 characters', route: 'delete /items/{itemId}/tag/{tagId}', method: 'DELETE', path: `/items/{item}/tag/${ID_256}`, status: 400, code: 'invalid_path', field: 'tagId', expectation: AT_MOST_255, injected: ID_256 },
  { name: 'category id with a NUL', route: 'post /items/{itemId}/category/{categoryId}', method: 'POST', path: '/items/{item}/category/a%00b', status: 400, code: 'invalid_path', field: 'categoryId', expectation: ID_EXPECTATION },
  { name: 'category id with a semicolon', route: 'delete /items/{itemId}/category/{categoryId}', method: 'DELETE', path: `/items/{item}/category/${encode('x;DROP TABLE "ItemCategories"')}`, status: 400, code: 'invalid_path', field: 'categoryId', expectation: ID_EXPECTATION },
  { name: 'star an item id with a backslash', route: 'put /items/{itemId}/star', method: 'PUT', path: `/items/${encode('..\\..\\windows')}/star`, status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION },
  { name: 'unstar an item id of spaces', route: 'delete /items/{itemId}/star', method: 'DELETE', path: '/items/%20%20/star', status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION },
  { name: 'use an item id of 256 characters', route: 'post /items/{itemId}/use', method: 'POST', path: `/items/${ID_256}/use`, status: 400, code: 'invalid_path', field: 'itemId', expectation: AT_MOST_255 },
  { name: 'copy an item id with markup', route: 'post /items/{itemId}/copy', method: 'POST', path: `/items/${encode(MARKUP)}/copy`, status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION, injected: MARKUP },
  { name: 'revisions of an item id with a tab', route: 'get /items/{itemId}/revisions', method: 'GET', path: '/items/a%09b/revisions', status: 400, code: 'invalid_path', field: 'itemId', expectation: ID_EXPECTATION },
  { name: 'revision that is not a number', route: 'get /items/{itemId}/revisions/{revision}', method: 'GET', path: '/items/{item}/revisions/first', status: 400, code: 'invalid_path', field: 'revision', expectation: /must be a revision number/ },
  { name: 'negative revision', route: 'get /items/{itemId}/revisions/{revision}', method: 'GET', path: '/items/{item}/revisions/-1', status: 400, code: 'invalid_path', field: 'revision', expectation: /must be a revision number/ },
  { name: 'revision of ten digits', route: 'get /items/{itemId}/revisions/{revision}', method: 'GET', path: '/items/{item}/revisions/9999999999', status: 400, code: 'invalid_path', field: 'revision', expectation: /must be a revision number/ },
  { name: 'tag id with an encoded slash', route: 'get /tags/{tagId}', method: 'GET', path: '/tags/a%2Fb', status: 400, code: 'invalid_path', field: 'tagId', expectation: ID_EXPECTATION },
  { name: 'tag id ..', route: 'put /tags/{tagId}', as: 'admin', method: 'PUT', path: '/tags/..', json: { color: '#fff' }, status: 400, code: 'invalid_path', field: 'tagId', expectation: /must not consist of dots only/ },
  { name: 'tag id with markup', route: 'delete /tags/{tagId}', as: 'admin', method: 'DELETE', path: `/tags/${encode(MARKUP)}`, status: 400, code: 'invalid_path', field: 'tagId', expectation: ID_EXPECTATION, injected: MARKUP },
  { name: 'category id with a right-to-left override', route: 'get /categories/{categoryId}', method: 'GET', path: `/categories/${encode(RTL_OVERRIDE)}`, status: 400, code: 'invalid_path', field: 'categoryId', expectation: ID_EXPECTATION, injected: RTL_OVERRIDE },
  { name: 'category id of 256 characters', route: 'put /categories/{categoryId}', as: 'admin', method: 'PUT', path: `/categories/${ID_256}`, json: { description: 'x' }, status: 400, code: 'invalid_path', field: 'categoryId', expectation: AT_MOST_255 },
  { name: 'category id with control characters', route: 'delete /categories/{categoryId}', as: 'admin', method: 'DELETE', path: `/categories/${encode(CONTROL_CHARACTERS)}`, status: 400, code: 'invalid_path', field: 'categoryId', expectation: ID_EXPECTATION, injected: CONTROL_CHARACTERS },
  { name: 'blob id with a carriage return', route: 'get /storages/blobs/{blobId}', as: 'admin', method: 'GET', path: '/storages/blobs/a%0Db', status: 400, code: 'invalid_path', field: 'blobId', expectation: ID_EXPECTATION },
  { name: 'blob id of 256 characters', route: 'put /storages/blobs/{blobId}', as: 'admin', method: 'PUT', path: `/storages/blobs/${ID_256}`, json: { users: [] }, status: 400, code: 'invalid_path', field: 'blobId', expectation: AT_MOST_255 },
  { name: 'blob id that is an encoded slash', route: 'delete /storages/blobs/{blobId}', as: 'admin', method: 'DELETE', path: '/storages/blobs/%2F', status: 400, code: 'invalid_path', field: 'blobId', expectation: ID_EXPECTATION },
];

const PROTOCOL_CASES: BadInputCase[] = [
  { name: 'protocol YAML that does not parse', route: 'post /items', method: 'POST', path: '/items', json: withProtocol('protocolVersion: 2\nname: [unclosed\n'), status: 400, code: 'invalid_protocol', field: 'protocol', expectation: /not valid YAML.*line/ },
  { name: 'protocol that is a YAML string', route: 'post /items', method: 'POST', path: '/items', json: withProtocol('just some words'), status: 400, code: 'invalid_protocol', field: 'protocol', expectation: /must be a YAML mapping .*, but is "just some words"/ },
  { name: 'protocol that is a YAML list', route: 'post /items', method: 'POST', path: '/items', json: withProtocol('- protocolVersion: 2\n- name: listed\n'), status: 400, code: 'invalid_protocol', field: 'protocol', expectation: /must be a YAML mapping .*, but is a list/ },
  { name: 'protocol that is a YAML number', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { protocol: '42' }, status: 400, code: 'invalid_protocol', field: 'protocol', expectation: /must be a YAML mapping .*, but is 42/ },
  { name: 'protocol over 256 KiB', route: 'post /items', method: 'POST', path: '/items', json: withProtocol(`${jobProtocol()}# ${'x'.repeat(256 * 1024)}\n`), status: 400, code: 'invalid_body', field: 'protocol', expectation: /must be at most 262144 characters long/ },
  { name: 'protocol with a billion laughs alias bomb', route: 'post /items', method: 'POST', path: '/items', json: withProtocol(billionLaughs()), status: 400, code: 'invalid_protocol', field: 'protocol', expectation: /aliases that expand too far/ },
  { name: 'protocol nested 1000 levels deep', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { protocol: `${jobProtocol()}extras:\n  deep: ${'['.repeat(1000)}${']'.repeat(1000)}\n` }, status: 400, code: 'invalid_protocol', field: 'protocol', expectation: /must not nest collections more than 100 levels deep/ },
  { name: 'protocol of two YAML documents', route: 'post /items', method: 'POST', path: '/items', json: withProtocol(`${jobProtocol()}---\n${jobProtocol()}`), status: 400, code: 'invalid_protocol', field: 'protocol', expectation: /single YAML document/ },
  { name: 'protocol without protocolVersion', route: 'post /items', method: 'POST', path: '/items', json: withProtocol(protocolWith('protocolVersion: 2\n', '')), status: 400, code: 'invalid_protocol', field: 'protocol.protocolVersion', expectation: /required/ },
  { name: 'protocol of type service', route: 'post /items', method: 'POST', path: '/items', json: withProtocol(protocolWith('type: job', 'type: service')), status: 400, code: 'invalid_protocol', field: 'protocol.type', expectation: /"job"/ },
  { name: 'protocol with a task role named 1worker', route: 'put /items/{itemId}', method: 'PUT', path: '/items/{item}', json: { protocol: protocolWith('  worker:', '  1worker:') }, status: 400, code: 'invalid_protocol', field: 'protocol.taskRoles', expectation: /\^\[a-zA-Z_\]\[a-zA-Z0-9_\]\*\$/ },
  { name: 'protocol with taskRoles as a list', route: 'post /items', method: 'POST', path: '/items', json: withProtocol(`${jobProtocol().split('taskRoles:')[0]}taskRoles:\n  - worker\n`), status: 400, code: 'invalid_protocol', field: 'protocol.taskRoles', expectation: /must be a mapping/ },
  { name: 'protocol name with markup', route: 'post /items', method: 'POST', path: '/items', json: withProtocol(jobProtocol(`"${MARKUP}"`)), status: 400, code: 'invalid_protocol', field: 'protocol.name', expectation: /must match \^\[a-zA-Z0-9_-\]\+\$/, injected: MARKUP },
];

const QUERY_CASES: BadInputCase[] = [
  { name: 'type given twice', route: 'get /items', method: 'GET', path: '/items?type=template&type=data', status: 400, code: 'invalid_query', field: 'type', expectation: /more than once/ },
  { name: 'tag given twice', route: 'get /items', method: 'GET', path: '/items?tag=a&tag=b', status: 400, code: 'invalid_query', field: 'tag', expectation: /more than once/ },
  { name: 'empty limit', route: 'get /items', method: 'GET', path: '/items?limit=', status: 400, code: 'invalid_query', field: 'limit', expectation: /must be a whole number from 1 to 100/ },
  { name: 'limit above the maximum', route: 'get /items', method: 'GET', path: '/items?limit=101', status: 400, code: 'invalid_query', field: 'limit', expectation: /must be a whole number from 1 to 100/ },
  { name: 'limit zero', route: 'get /items', method: 'GET', path: '/items?limit=0', status: 400, code: 'invalid_query', field: 'limit', expectation: /must be a whole number from 1 to 100/ },
  { name: 'limit not a number', route: 'get /items', method: 'GET', path: '/items?limit=ten', status: 400, code: 'invalid_query', field: 'limit', expectation: /must be a whole number from 1 to 100/ },
  { name: 'limit a fraction', route: 'get /items', method: 'GET', path: '/items?limit=1.5', status: 400, code: 'invalid_query', field: 'limit', expectation: /must be a whole number from 1 to 100/ },
  { name: 'negative offset', route: 'get /items', method: 'GET', path: '/items?offset=-1', status: 400, code: 'invalid_query', field: 'offset', expectation: /must be a whole number from 0 to 10000000/ },
  { name: 'offset in exponent notation', route: 'get /items', method: 'GET', path: '/items?offset=1e3', status: 400, code: 'invalid_query', field: 'offset', expectation: /must be a whole number from 0 to 10000000/ },
  { name: 'keyword of 10 kB', route: 'get /items', method: 'GET', path: `/items?keyword=${TEN_KILOBYTES}`, status: 400, code: 'invalid_query', field: 'keyword', expectation: AT_MOST_255, injected: TEN_KILOBYTES },
  { name: 'q of 10 kB with markup', route: 'get /items', method: 'GET', path: `/items?q=${encode(LONG_MARKUP)}`, status: 400, code: 'invalid_query', field: 'q', expectation: AT_MOST_255, injected: LONG_MARKUP },
  { name: 'name filter with a NUL', route: 'get /items', method: 'GET', path: '/items?name=a%00b', status: 400, code: 'invalid_query', field: 'name', expectation: /NUL/ },
  { name: 'diff from a word', route: 'get /items/{itemId}/diff', method: 'GET', path: '/items/{item}/diff?from=yesterday', status: 400, code: 'invalid_query', field: 'from', expectation: /must be a revision number or "current"/ },
  { name: 'diff to markup', route: 'get /items/{itemId}/diff', method: 'GET', path: `/items/{item}/diff?from=1&to=${encode(MARKUP)}`, status: 400, code: 'invalid_query', field: 'to', expectation: /must be a revision number or "current"/, injected: MARKUP },
  { name: 'blob type filter of 10 kB', route: 'get /storages/blobs', as: 'admin', method: 'GET', path: `/storages/blobs?type=${TEN_KILOBYTES}`, status: 400, code: 'invalid_query', field: 'type', expectation: AT_MOST_255 },
  { name: 'blob user filter given twice', route: 'get /storages/blobs', as: 'admin', method: 'GET', path: '/storages/blobs?user=alice&user=bob', status: 400, code: 'invalid_query', field: 'user', expectation: /more than once/ },
];

const AUTH_CASES: BadInputCase[] = [
  { name: 'Basic credentials', route: 'get /auth/me', method: 'GET', path: '/auth/me', headers: { Authorization: 'Basic YWxpY2U6cGFzcw==' }, status: 401, code: 'unauthorized', field: 'Authorization', expectation: /Bearer <token>/ },
  { name: 'bearer token over 8192 characters', route: 'get /auth/me', method: 'GET', path: '/auth/me', headers: { Authorization: `Bearer ${'t'.repeat(9000)}` }, status: 401, code: 'unauthorized', field: 'bearer token', expectation: /longer than 8192 characters/, injected: 't'.repeat(9000) },
  { name: 'bearer token with markup', route: 'get /stars', method: 'GET', path: '/stars', headers: { Authorization: `Bearer ${MARKUP}` }, status: 401, code: 'unauthorized', field: 'bearer token', expectation: /rejected/, injected: MARKUP },
  { name: 'Bearer without a token', route: 'get /tags', method: 'GET', path: '/tags', headers: { Authorization: 'Bearer' }, status: 401, code: 'unauthorized', field: 'Authorization', expectation: /Bearer <token>/ },
  { name: 'two words after Bearer', route: 'get /categories', method: 'GET', path: '/categories', headers: { Authorization: 'Bearer token-alice extra' }, status: 401, code: 'unauthorized', field: 'Authorization', expectation: /Bearer <token>/ },
  { name: 'token in the query string instead of the header', route: 'get /auth/me', as: 'anonymous', method: 'GET', path: '/auth/me?token=token-alice', status: 401, code: 'unauthorized', field: 'Authorization', expectation: /Bearer <token>/ },
];

export const BAD_INPUT_CASES: BadInputCase[] = [
  ...BODY_CASES,
  ...QUOTED_VALUE_CASES,
  ...TYPE_CASES,
  ...MISSING_CASES,
  ...LENGTH_CASES,
  ...ENUM_CASES,
  ...ID_CASES,
  ...PROTOCOL_CASES,
  ...QUERY_CASES,
  ...AUTH_CASES,
];
