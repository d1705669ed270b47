import { freePort } from '../../test/free-port';
import { startTestApp, type TestApp } from '../../test/test-app';

describe('identity from OpenPAI', () => {
  describe('without a cache', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ IDP_TIMEOUT_MS: '300' });
    });

    afterAll(async () => {
      await t.close();
    });

    afterEach(() => {
      t.openPai.delayMs = 0;
      t.openPai.failWithStatus = undefined;
    });

    it('returns 401 without a token', async () => {
      await t.anonymous.get('/auth/me').expect(401);
    });

    it('identifies the caller with groups and admin flag', async () => {
      const response = await t.as('alice').get('/auth/me').expect(200);
      expect(response.body).toEqual({ username: 'alice', admin: false, groups: ['default', 'vision'] });
    });

    it('asks tokens/check and then the user record, forwarding the token', async () => {
      t.openPai.calls.length = 0;
      await t.as('bob').get('/auth/me').expect(200);
      expect(t.openPai.calls.map((call) => call.path)).toEqual(['/api/v2/tokens/check', '/api/v2/users/bob']);
      expect(t.openPai.calls.every((call) => call.authorization === `Bearer ${t.openPai.tokens.bob}`)).toBe(true);
    });

    it('never trusts an unsigned JWT that OpenPAI rejects', async () => {
      const forged = [
        Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url'),
        Buffer.from('{"username":"admin","application":false}').toString('base64url'),
        'sig',
      ].join('.');
      await t.anonymous.get('/items').set('Authorization', `Bearer ${forged}`).expect(401);
    });

    it('rejects a token sent in the query string', async () => {
      await t.anonymous.get('/items').query({ token: t.openPai.tokens.admin }).expect(401);
    });

    it('returns 401 for a Bearer header without a token', async () => {
      await t.anonymous.get('/items').set('Authorization', 'Bearer ').expect(401);
    });

    it('returns 503 within the timeout when OpenPAI is slow', async () => {
      t.openPai.delayMs = 2000;
      const startedAt = Date.now();
      const response = await t.as('alice').get('/items').expect(503);
      expect(Date.now() - startedAt).toBeLessThan(1900);
      expect(response.body.code).toBe('identity_provider_unavailable');
      expect(response.body.message).toContain('300 ms');
    });

    it('returns 503 when both calls together exceed the timeout', async () => {
      // Each call alone fits in the 300 ms timeout; the token check and the user lookup share it.
      t.openPai.delayMs = 200;
      const startedAt = Date.now();
      const response = await t.as('bob').get('/items').expect(503);
      expect(Date.now() - startedAt).toBeLessThan(1900);
      expect(response.body.code).toBe('identity_provider_unavailable');
      expect(response.body.message).toContain('user lookup');
    });

    it('returns 503 when OpenPAI answers 500', async () => {
      t.openPai.failWithStatus = 500;
      const response = await t.as('alice').get('/items').expect(503);
      expect(response.body.message).toContain('500');
    });

    it('sees a group change at once when the cache is off', async () => {
      t.openPai.updateUser('carol', { grouplist: ['default', 'nlp'] });
      const response = await t.as('carol').get('/auth/me').expect(200);
      expect(response.body.groups).toEqual(['default', 'nlp']);
    });
  });

  describe('with a cache', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ AUTH_CACHE_TTL_SECONDS: '30' });
    });

    afterAll(async () => {
      await t.close();
    });

    it('asks OpenPAI once for repeated requests with one token', async () => {
      t.openPai.calls.length = 0;
      await t.as('alice').get('/auth/me').expect(200);
      await t.as('alice').get('/auth/me').expect(200);
      await t.as('alice').get('/auth/me').expect(200);
      expect(t.openPai.calls).toHaveLength(2);
    });

    it('does not cache a rejected token', async () => {
      t.openPai.calls.length = 0;
      await t.anonymous.get('/auth/me').set('Authorization', 'Bearer wrong').expect(401);
      await t.anonymous.get('/auth/me').set('Authorization', 'Bearer wrong').expect(401);
      expect(t.openPai.calls).toHaveLength(2);
    });
  });

  describe('when OpenPAI is down', () => {
    it('returns 503 naming OpenPAI', async () => {
      const t = await startTestApp();
      await t.openPai.stop();
      try {
        const response = await t.as('alice').get('/items').expect(503);
        expect(response.body.message).toMatch(/OpenPAI/);
      } finally {
        await t.app.close();
        await t.database.drop();
      }
    });

    it('returns 503 before the timeout on a closed port', async () => {
      // Nothing listens on a port reserved and closed again, so connecting is refused at once.
      const t = await startTestApp({ IDP_URL: `http://127.0.0.1:${await freePort()}`, IDP_TIMEOUT_MS: '5000' });
      try {
        const startedAt = Date.now();
        const response = await t.as('alice').get('/items').expect(503);
        expect(Date.now() - startedAt).toBeLessThan(5000);
        expect(response.body.code).toBe('identity_provider_unavailable');
        expect(response.body.message).toBe("OpenPAI's rest-server cannot be reached for the token check; retry later.");
      } finally {
        await t.close();
      }
    });
  });
});

describe('development identity provider', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ IDP_URL: '' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists its users with their tokens', async () => {
    const response = await t.anonymous.get('/auth/dev-users').expect(200);
    expect(response.body.map((user: { username: string }) => user.username)).toEqual(['admin', 'alice', 'bob']);
    expect(response.body[0]).toEqual({ username: 'admin', admin: true, groups: ['default', 'admingroup'], token: 'dev-token-admin' });
  });

  it('accepts a development token', async () => {
    const response = await t.anonymous.get('/auth/me').set('Authorization', 'Bearer dev-token-bob').expect(200);
    expect(response.body.username).toBe('bob');
  });

  it('rejects an unknown development token', async () => {
    await t.anonymous.get('/auth/me').set('Authorization', 'Bearer dev-token-mallory').expect(401);
  });
});

describe('GET /auth/dev-users with OpenPAI identity', () => {
  it('returns 404', async () => {
    const t = await startTestApp();
    try {
      await t.anonymous.get('/auth/dev-users').expect(404);
    } finally {
      await t.close();
    }
  });
});
