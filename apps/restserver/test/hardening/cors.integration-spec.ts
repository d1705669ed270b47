import { startTestApp, type TestApp } from '../test-app';

const PORTAL = 'https://pai.example.test';
const OTHER_PORTAL = 'https://pai-2.example.test';
const STRANGER = 'https://stranger.example.test';

/** Sends the preflight a browser sends before a PUT with a bearer token and a JSON body. */
function preflight(t: TestApp, origin: string) {
  return t.anonymous
    .options('/items/any-item')
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'PUT')
    .set('Access-Control-Request-Headers', 'authorization,content-type');
}

describe('CORS by default', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('allows any origin without credentials', async () => {
    const response = await t.as('alice').get('/items').set('Origin', STRANGER).expect(200);

    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['access-control-expose-headers']).toContain('X-Request-Id');
  });

  it('answers a preflight for a write with a bearer token', async () => {
    const response = await preflight(t, STRANGER).expect(204);

    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-methods']).toContain('PUT');
    expect(response.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['access-control-max-age']).toBe('600');
  });
});

describe('CORS restricted by CORS_ORIGINS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${PORTAL}, ${OTHER_PORTAL}` });
  });

  afterAll(async () => {
    await t.close();
  });

  it.each([PORTAL, OTHER_PORTAL])('echoes the allowed origin %s', async (origin) => {
    const response = await t.as('alice').get('/items').set('Origin', origin).expect(200);

    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers.vary).toMatch(/Origin/);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('sends no allow-origin to another origin', async () => {
    const response = await t.as('alice').get('/items').set('Origin', STRANGER).expect(200);

    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an allowed preflight with the origin', async () => {
    const response = await preflight(t, PORTAL).expect(204);

    expect(response.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(response.headers['access-control-allow-methods']).toContain('PUT');
    expect(response.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
  });

  it('answers a preflight from another origin without allow-origin', async () => {
    const response = await preflight(t, STRANGER);

    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not treat a look-alike origin as allowed', async () => {
    const lookAlikes = [`${PORTAL}.stranger.example.test`, PORTAL.replace('https', 'http'), `${PORTAL}:8443`];

    for (const origin of lookAlikes) {
      const response = await t.as('alice').get('/items').set('Origin', origin).expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});
