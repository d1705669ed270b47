import type { Test } from 'supertest';

import { startTestApp, type TestApp } from '../test-app';

interface Placement {
  name: string;
  /** Sends GET /auth/me carrying `token` somewhere other than `Authorization: Bearer`. */
  send(t: TestApp, token: string): Test;
}

const PLACEMENTS: Placement[] = [
  { name: 'query parameter token', send: (t, token) => t.anonymous.get(`/auth/me?token=${token}`) },
  { name: 'query parameter access_token', send: (t, token) => t.anonymous.get(`/auth/me?access_token=${token}`) },
  { name: 'query parameter authorization', send: (t, token) => t.anonymous.get(`/auth/me?authorization=${encodeURIComponent(`Bearer ${token}`)}`) },
  { name: 'cookie token', send: (t, token) => t.anonymous.get('/auth/me').set('Cookie', `token=${token}`) },
  { name: 'cookie access_token', send: (t, token) => t.anonymous.get('/auth/me').set('Cookie', `access_token=${token}`) },
  { name: 'cookie Authorization', send: (t, token) => t.anonymous.get('/auth/me').set('Cookie', `Authorization=Bearer%20${token}`) },
  { name: 'header X-Auth-Token', send: (t, token) => t.anonymous.get('/auth/me').set('X-Auth-Token', token) },
  { name: 'header X-Access-Token', send: (t, token) => t.anonymous.get('/auth/me').set('X-Access-Token', token) },
  { name: 'header Token', send: (t, token) => t.anonymous.get('/auth/me').set('Token', token) },
  { name: 'header X-Forwarded-Authorization', send: (t, token) => t.anonymous.get('/auth/me').set('X-Forwarded-Authorization', `Bearer ${token}`) },
  { name: 'Authorization without a scheme', send: (t, token) => t.anonymous.get('/auth/me').set('Authorization', token) },
  { name: 'Authorization with Basic', send: (t, token) => t.anonymous.get('/auth/me').set('Authorization', `Basic ${Buffer.from(`alice:${token}`).toString('base64')}`) },
  { name: 'Authorization with Token', send: (t, token) => t.anonymous.get('/auth/me').set('Authorization', `Token ${token}`) },
];

describe('bearer token only in the Authorization header', () => {
  let t: TestApp;
  let aliceToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    aliceToken = t.openPai.tokens.alice;
  });

  afterAll(async () => {
    await t.close();
  });

  it('accepts the token in Authorization: Bearer', async () => {
    const response = await t.anonymous.get('/auth/me').set('Authorization', `Bearer ${aliceToken}`).expect(200);

    expect(response.body.username).toBe('alice');
  });

  it.each(PLACEMENTS)('ignores a token in the $name', async (placement) => {
    t.openPai.calls.length = 0;

    const response = await placement.send(t, aliceToken).expect(401);

    expect(response.body.code).toBe('unauthorized');
    expect(JSON.stringify(response.body)).not.toContain(aliceToken);
    // Only a token from the Authorization header is ever sent to OpenPAI.
    expect(t.openPai.calls.filter((call) => call.authorization?.includes(aliceToken))).toEqual([]);
  });

  it('ignores a token in a JSON body and stores nothing', async () => {
    await t.anonymous.post('/tags').send({ name: 'sent-with-body-token', token: aliceToken, access_token: aliceToken }).expect(401);

    const tags = await t.as('alice').get('/tags').expect(200);
    expect(tags.body.map((tag: { name: string }) => tag.name)).not.toContain('sent-with-body-token');
  });
});
