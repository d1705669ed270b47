import { randomBytes } from 'node:crypto';

import type { Test } from 'supertest';

import { startTestApp, type TestApp, type TestUser } from '../test-app';

const SEEDED_ACCOUNT_KEY = randomBytes(24).toString('base64');
const SEEDED_CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=seededacct;AccountKey=${SEEDED_ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const CREATED_ACCOUNT_KEY = randomBytes(24).toString('base64');
const CREATED_SAS_TOKEN = `sv=2024-01-01&sig=${randomBytes(16).toString('hex')}`;

type Role = 'anonymous' | TestUser;

type TestAppAgent = TestApp['anonymous'];

/** Every blob route, with `blobId` naming an existing record. */
const BLOB_ROUTES: { name: string; send: (agent: TestAppAgent, blobId: string) => Test }[] = [
  { name: 'GET /storages/blobs', send: (agent) => agent.get('/storages/blobs') },
  { name: 'GET /storages/blobs?user=alice', send: (agent) => agent.get('/storages/blobs?user=alice') },
  { name: 'GET /storages/blobs/:blobId', send: (agent, blobId) => agent.get(`/storages/blobs/${blobId}`) },
  { name: 'PUT /storages/blobs/:blobId', send: (agent, blobId) => agent.put(`/storages/blobs/${blobId}`).send({ containerName: 'renamed' }) },
  { name: 'DELETE /storages/blobs/:blobId', send: (agent, blobId) => agent.delete(`/storages/blobs/${blobId}`) },
  {
    name: 'POST /storages/blobs',
    send: (agent) => agent.post('/storages/blobs').send({ type: 'azureBlob', storageAccount: 'sneaky', containerName: 'c', connectionStrings: ['AccountKey=bm9wZQ=='] }),
  },
];

describe('blob storage secrets', () => {
  let t: TestApp;
  let createdId: string;
  const secrets = [SEEDED_ACCOUNT_KEY, CREATED_ACCOUNT_KEY, CREATED_SAS_TOKEN];

  function agentOf(role: Role): TestAppAgent {
    return role === 'anonymous' ? t.anonymous : t.as(role);
  }

  beforeAll(async () => {
    t = await startTestApp({
      AZURE_STORAGE: JSON.stringify({ type: 'azureBlob', storage_account: 'seededacct', connection_strings: [SEEDED_CONNECTION_STRING] }),
    });
    const created = await t
      .as('admin')
      .post('/storages/blobs')
      .send({
        type: 'azureBlob',
        storageAccount: 'teamacct',
        containerName: 'team-data',
        connectionStrings: [`DefaultEndpointsProtocol=https;AccountName=teamacct;AccountKey=${CREATED_ACCOUNT_KEY}`],
        tokens: [CREATED_SAS_TOKEN],
        users: ['alice'],
      })
      .expect(201);
    createdId = created.body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  describe.each<[Role, number]>([
    ['anonymous', 401],
    ['alice', 403],
    ['bob', 403],
  ])('as %s', (role, status) => {
    it.each(BLOB_ROUTES)(`$name returns ${status}, no secret, and changes nothing`, async (route) => {
      const response = await route.send(agentOf(role), createdId).expect(status);

      for (const secret of secrets) {
        expect(response.text).not.toContain(secret);
      }
      expect(response.text).not.toContain('AccountKey');

      const stored = await t.as('admin').get('/storages/blobs').expect(200);
      expect(stored.body.map((blob: { storageAccount: string }) => blob.storageAccount).sort()).toEqual(['seededacct', 'teamacct']);
      expect(stored.body.find((blob: { id: string }) => blob.id === createdId).containerName).toBe('team-data');
    });
  });

  it('returns the connection strings and tokens to an admin', async () => {
    const listed = await t.as('admin').get('/storages/blobs').expect(200);
    const fetched = await t.as('admin').get(`/storages/blobs/${createdId}`).expect(200);

    expect(listed.text).toContain(SEEDED_ACCOUNT_KEY);
    expect(listed.text).toContain(CREATED_ACCOUNT_KEY);
    expect(fetched.body.tokens).toEqual([CREATED_SAS_TOKEN]);
  });

  it('shows no secret to a user of the record through other routes', async () => {
    const responses = await Promise.all(['/items', '/tags', '/categories', '/auth/me'].map((path) => t.as('alice').get(path).expect(200)));

    for (const response of responses) {
      for (const secret of secrets) {
        expect(response.text).not.toContain(secret);
      }
    }
  });
});
