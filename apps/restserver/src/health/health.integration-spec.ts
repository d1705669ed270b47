import { startTestApp, type TestApp } from '../../test/test-app';

describe('operability', () => {
  let t: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ AZURE_STORAGE: '{"type":"blob","storage_account":"acct","connection_strings":["AccountKey=c2VjcmV0"]}' }, { captureLogs: logLines });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers GET /healthz without a token', async () => {
    const response = await t.anonymous.get('/healthz').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers GET /readyz when migrated', async () => {
    const response = await t.anonymous.get('/readyz').expect(200);
    expect(response.body.status).toBe('ok');
  });

  it('answers the original greeting at the root', async () => {
    const response = await t.anonymous.get('/').expect(200);
    expect(response.text).toBe('Welcome to marketplace!');
  });

  it('reports pending migrations from GET /readyz with 503', async () => {
    const recorded = await t.dataSource.query('SELECT "timestamp", name FROM marketplace_migrations');
    await t.dataSource.query('DELETE FROM marketplace_migrations');
    try {
      const response = await t.anonymous.get('/readyz').expect(503);
      expect(response.body.code).toBe('not_ready');
      expect(response.body.details[0].field).toBe('migrations');
    } finally {
      for (const row of recorded) {
        await t.dataSource.query('INSERT INTO marketplace_migrations ("timestamp", name) VALUES ($1, $2)', [row.timestamp, row.name]);
      }
    }
  });

  it('sends a request id header, reusing a plain incoming one', async () => {
    const generated = await t.anonymous.get('/healthz').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const reused = await t.anonymous.get('/healthz').set('X-Request-Id', 'trace-42').expect(200);
    expect(reused.headers['x-request-id']).toBe('trace-42');
    const replaced = await t.anonymous.get('/healthz').set('X-Request-Id', '<b>bad</b>').expect(200);
    expect(replaced.headers['x-request-id']).not.toContain('<');
  });

  it('logs one JSON line per request with route, status and duration', async () => {
    await t.as('alice').get('/items/00000000-0000-4000-8000-000000000000').set('X-Request-Id', 'find-me-1').expect(404);
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLine = entries.find((entry) => entry.requestId === 'find-me-1' && entry.context === 'http');
    expect(requestLine).toMatchObject({ method: 'GET', route: '/items/:itemId', status: 404 });
    expect(requestLine?.durationMs).toEqual(expect.any(Number));
  });

  it('never logs a token or a connection secret', async () => {
    await t.as('admin').get('/storages/blobs').expect(200);
    const everything = logLines.join('\n');
    for (const token of Object.values(t.openPai.tokens)) {
      expect(everything).not.toContain(token);
    }
    expect(everything).not.toContain('c2VjcmV0');
    expect(everything).not.toContain(t.database.url);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await t.as('alice').get('/users').expect(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body.code).toBe('route_not_found');
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const response = await t.as('alice').post('/items').set('Content-Type', 'application/json').send('{"name": "x",').expect(400);
    expect(response.body.code).toBe('invalid_json');
  });

  it('answers a body over the limit with 413 naming the limit', async () => {
    const response = await t
      .as('alice')
      .post('/tags')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(t.config.http.bodyLimitBytes + 10) }))
      .expect(413);
    expect(response.body.message).toContain(String(t.config.http.bodyLimitBytes));
  });

  it('allows any origin by default', async () => {
    const response = await t.anonymous.get('/healthz').set('Origin', 'http://portal.example.test').expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const document = await t.anonymous.get('/api-docs-json').expect(200);
    expect(document.body.openapi).toBe('3.1.0');
    const page = await t.anonymous.get('/api-docs').expect(200);
    expect(page.text).toContain('swagger');
  });

  it('seeds the AZURE_STORAGE blob record into an empty table', async () => {
    const response = await t.as('admin').get('/storages/blobs').expect(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toMatchObject({ type: 'blob', storageAccount: 'acct', containerName: 'marketplace', tokens: [''], users: [''] });
  });
});

describe('with MIGRATE_ON_START=false on an empty database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ MIGRATE_ON_START: 'false', AZURE_STORAGE: '{"type":"blob","storage_account":"acct","connection_strings":[]}' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports not ready naming the pending migration', async () => {
    const response = await t.anonymous.get('/readyz').expect(503);
    expect(response.body.message).toContain('CreateMarketplaceSchema1796418000000');
  });

  it('answers API requests with 503 schema_not_migrated', async () => {
    const response = await t.as('alice').get('/items').expect(503);
    expect(response.body.code).toBe('schema_not_migrated');
  });
});
