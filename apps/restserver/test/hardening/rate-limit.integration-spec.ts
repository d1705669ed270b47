import type { Response } from 'supertest';

import { startTestApp, type TestApp } from '../test-app';

/** Small, so each test spends a budget in a handful of requests. */
const LIMIT = 5;

/** Sends `count` requests one after another and returns their statuses. */
async function statusesOf(count: number, send: (index: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) {
    statuses.push((await send(index)).status);
  }
  return statuses;
}

const withinLimit = Array<number>(LIMIT).fill(200);

// Client addresses below come from the documentation ranges (RFC 5737); they only ever appear in
// an X-Forwarded-For header sent to the test server on 127.0.0.1.
describe('rate limits behind a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: String(LIMIT), TRUST_PROXY: '127.0.0.1' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After once a user spent the limit', async () => {
    expect(await statusesOf(LIMIT, () => t.as('alice').get('/auth/me'))).toEqual(withinLimit);

    const limited = await t.as('alice').get('/auth/me').expect(429);

    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.body.message).toContain(`${LIMIT} requests per minute for each user`);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60 / LIMIT);
  });

  it('asks OpenPAI about a token once per request', async () => {
    t.openPai.calls.length = 0;

    await t.as('admin').get('/auth/me').expect(200);

    // The token check and the user record; the limiter and the auth guard share them.
    expect(t.openPai.calls.map((call) => call.path)).toEqual(['/api/v2/tokens/check', '/api/v2/users/admin']);
  });

  it('does not limit another user when one is limited', async () => {
    await statusesOf(LIMIT + 1, () => t.as('carol').get('/auth/me'));
    await t.as('carol').get('/auth/me').expect(429);

    await t.as('admin').get('/auth/me').expect(200);
  });

  it('counts a user on every address together', async () => {
    const addresses = ['192.0.2.21', '192.0.2.22', '192.0.2.23'];
    const statuses = await statusesOf(LIMIT, (index) => t.as('bob').get('/auth/me').set('X-Forwarded-For', addresses[index % addresses.length]));
    expect(statuses).toEqual(withinLimit);

    await t.as('bob').get('/auth/me').set('X-Forwarded-For', '192.0.2.24').expect(429);
  });

  it('limits requests without a token by client address', async () => {
    expect(await statusesOf(LIMIT, () => t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.40'))).toEqual(withinLimit);

    const limited = await t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.40').expect(429);
    expect(limited.body.message).toContain(`${LIMIT} requests per minute for each client address`);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);

    await t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.41').expect(200);
  });

  it('counts a rejected token against the client address', async () => {
    const statuses = await statusesOf(LIMIT, () => t.anonymous.get('/auth/me').set('Authorization', 'Bearer not-a-valid-token').set('X-Forwarded-For', '192.0.2.50'));
    expect(statuses).toEqual(Array<number>(LIMIT).fill(401));

    await t.anonymous.get('/auth/me').set('Authorization', 'Bearer another-invalid-token').set('X-Forwarded-For', '192.0.2.50').expect(429);
    await t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.50').expect(429);
  });

  it('does not limit a user on an address whose anonymous budget is spent', async () => {
    await statusesOf(LIMIT + 1, () => t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.30'));
    await t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.30').expect(429);

    await t.as('admin').get('/auth/me').set('X-Forwarded-For', '192.0.2.30').expect(200);
  });

  it('uses the address the trusted proxy saw, not one the client wrote', async () => {
    // The trusted proxy appends the address it saw; whatever the client sent is to its left.
    const statuses = await statusesOf(LIMIT, (index) => t.anonymous.get('/').set('X-Forwarded-For', `203.0.113.${index + 1}, 192.0.2.60`));
    expect(statuses).toEqual(withinLimit);

    await t.anonymous.get('/').set('X-Forwarded-For', '203.0.113.99, 192.0.2.60').expect(429);
  });

  it('never limits the health probes', async () => {
    await statusesOf(LIMIT + 1, () => t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.70'));
    await t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.70').expect(429);

    const probes = await statusesOf(2 * LIMIT, (index) => t.anonymous.get(index % 2 ? '/healthz' : '/readyz').set('X-Forwarded-For', '192.0.2.70'));

    expect(probes).toEqual(Array<number>(2 * LIMIT).fill(200));
  });

  it('never counts CORS preflights, and lets a browser read the 429', async () => {
    await statusesOf(LIMIT + 1, () => t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.80'));

    const preflights = await statusesOf(LIMIT + 1, () =>
      t.anonymous
        .options('/items')
        .set('X-Forwarded-For', '192.0.2.80')
        .set('Origin', 'http://portal.example.test')
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization'),
    );
    expect(preflights).toEqual(Array<number>(LIMIT + 1).fill(204));

    const limited = await t.anonymous.get('/').set('X-Forwarded-For', '192.0.2.80').set('Origin', 'http://portal.example.test').expect(429);
    expect(limited.headers['access-control-allow-origin']).toBe('*');
    expect(limited.headers['access-control-expose-headers']).toContain('Retry-After');
  });
});

describe('rate limits without a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: String(LIMIT) });
  });

  afterAll(async () => {
    await t.close();
  });

  it('ignores X-Forwarded-For from a peer not in TRUST_PROXY', async () => {
    const spoofed = await statusesOf(LIMIT, (index) => t.anonymous.get('/').set('X-Forwarded-For', `198.51.100.${index + 1}`));
    expect(spoofed).toEqual(withinLimit);

    await t.anonymous.get('/').set('X-Forwarded-For', '198.51.100.200').expect(429);
    await t.anonymous.get('/').expect(429);
  });

  it('still counts each user apart from the shared address', async () => {
    await t.anonymous.get('/').expect(429);

    expect(await statusesOf(LIMIT, () => t.as('alice').get('/auth/me'))).toEqual(withinLimit);
    await t.as('alice').get('/auth/me').expect(429);
    await t.as('bob').get('/auth/me').expect(200);
  });
});

describe('RATE_LIMIT=0', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '0' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('never limits users, anonymous requests or rejected tokens', async () => {
    const count = 10 * LIMIT;

    const asUser = await statusesOf(count, () => t.as('alice').get('/auth/me'));
    const anonymous = await statusesOf(count, () => t.anonymous.get('/'));
    const rejected = await statusesOf(count, () => t.anonymous.get('/auth/me').set('Authorization', 'Bearer not-a-valid-token'));

    expect(asUser).toEqual(Array<number>(count).fill(200));
    expect(anonymous).toEqual(Array<number>(count).fill(200));
    expect(rejected).toEqual(Array<number>(count).fill(401));
  });
});
