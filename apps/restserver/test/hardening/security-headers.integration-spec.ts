import type { Response } from 'supertest';

import { startTestApp, type TestApp } from '../test-app';

const BODY_LIMIT_BYTES = 2048;

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

interface ResponseKind {
  name: string;
  status: number;
  /** Swagger UI's page and assets get a policy that lets its own scripts and styles run. */
  apiDocs?: boolean;
  send(apps: { plain: TestApp; limited: TestApp }): Promise<Response>;
}

/** Turns the next tag query into a 500, because the column it reads is gone, and restores it. */
async function withTagsColumnRenamed(t: TestApp, send: () => Promise<Response>): Promise<Response> {
  await t.dataSource.query('ALTER TABLE "ItemTags" RENAME COLUMN "name" TO "name_renamed_by_test"');
  try {
    return await send();
  } finally {
    await t.dataSource.query('ALTER TABLE "ItemTags" RENAME COLUMN "name_renamed_by_test" TO "name"');
  }
}

/** Makes the fake OpenPAI fail for one request, so identification fails with 503. */
async function withOpenPaiFailing(t: TestApp, send: () => Promise<Response>): Promise<Response> {
  t.openPai.failWithStatus = 500;
  try {
    return await send();
  } finally {
    t.openPai.failWithStatus = undefined;
  }
}

const RESPONSE_KINDS: ResponseKind[] = [
  { name: 'JSON success', status: 200, send: ({ plain }) => plain.as('alice').get('/items') },
  { name: 'text success', status: 200, send: ({ plain }) => plain.anonymous.get('/') },
  { name: 'health probe', status: 200, send: ({ plain }) => plain.anonymous.get('/healthz') },
  { name: 'created', status: 201, send: ({ plain }) => plain.as('alice').post('/tags').send({ name: 'headers-check' }) },
  { name: 'invalid query', status: 400, send: ({ plain }) => plain.as('alice').get('/items?limit=many') },
  { name: 'invalid body', status: 400, send: ({ plain }) => plain.as('alice').post('/tags').send({ name: 42 }) },
  { name: 'malformed JSON', status: 400, send: ({ plain }) => plain.as('alice').post('/tags').set('Content-Type', 'application/json').send('{"name":') },
  { name: 'missing token', status: 401, send: ({ plain }) => plain.anonymous.get('/items') },
  { name: 'admin only', status: 403, send: ({ plain }) => plain.as('alice').get('/storages/blobs') },
  { name: 'unknown item', status: 404, send: ({ plain }) => plain.as('alice').get('/items/no-such-item') },
  { name: 'unknown route', status: 404, send: ({ plain }) => plain.as('alice').get('/no/such/route') },
  {
    name: 'body over the limit',
    status: 413,
    send: ({ plain }) => plain.as('alice').post('/tags').set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES) })),
  },
  {
    name: 'rate limited',
    status: 429,
    send: async ({ limited }) => {
      await limited.as('bob').get('/auth/me');
      return limited.as('bob').get('/auth/me');
    },
  },
  { name: 'database error', status: 500, send: ({ plain }) => withTagsColumnRenamed(plain, () => plain.as('alice').get('/tags')) },
  { name: 'OpenPAI unavailable', status: 503, send: ({ plain }) => withOpenPaiFailing(plain, () => plain.as('carol').get('/items')) },
  {
    name: 'CORS preflight',
    status: 204,
    send: ({ plain }) =>
      plain.anonymous.options('/items').set('Origin', 'http://portal.example.test').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type'),
  },
  { name: 'OpenAPI document', status: 200, send: ({ plain }) => plain.anonymous.get('/api-docs-json') },
  { name: 'Swagger UI page', status: 200, apiDocs: true, send: ({ plain }) => plain.anonymous.get('/api-docs') },
  { name: 'Swagger UI script', status: 200, apiDocs: true, send: ({ plain }) => plain.anonymous.get('/api-docs/swagger-ui-init.js') },
];

describe('security headers', () => {
  let plain: TestApp;
  let limited: TestApp;

  beforeAll(async () => {
    plain = await startTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES) });
    limited = await startTestApp({ RATE_LIMIT: '1' });
  });

  afterAll(async () => {
    await plain?.close();
    await limited?.close();
  });

  it.each(RESPONSE_KINDS)('$name ($status) carries them', async (kind) => {
    const response = await kind.send({ plain, limited });

    expect(response.status).toBe(kind.status);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();

    const policy = response.headers['content-security-policy'];
    if (kind.apiDocs) {
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self';");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-eval');
    } else {
      expect(policy).toBe(API_CSP);
    }
  });

  it('reveals nothing internal in a 500 body', async () => {
    const failed = await withTagsColumnRenamed(plain, () => plain.as('alice').get('/tags'));

    expect(failed.body).toEqual({ code: 'database_error', message: expect.any(String) });
    expect(failed.text).not.toContain('ItemTags');
    expect(failed.text).not.toContain('SELECT');
  });
});
