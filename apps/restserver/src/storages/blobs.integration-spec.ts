import type { CreateBlobRequest } from '@openpai-marketplace/shared-types';

import { startTestApp, type TestApp } from '../../test/test-app';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('blob storage routes', () => {
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Builds a create body whose storage account no other test uses. Any field can be overridden. */
  function blobBody(overrides: Partial<CreateBlobRequest> = {}): CreateBlobRequest {
    counter += 1;
    return {
      type: 'azureBlob',
      storageAccount: `account${counter}`,
      containerName: 'team-data',
      connectionStrings: [`DefaultEndpointsProtocol=https;AccountName=account${counter};AccountKey=dGVzdA==`],
      tokens: ['sas-token'],
      users: ['alice'],
      ...overrides,
    };
  }

  async function createBlob(overrides: Partial<CreateBlobRequest> = {}): Promise<string> {
    const response = await t.as('admin').post('/storages/blobs').send(blobBody(overrides)).expect(201);
    return response.body.id as string;
  }

  async function listedIds(query: Record<string, string>): Promise<string[]> {
    const response = await t.as('admin').get('/storages/blobs').query(query).expect(200);
    return response.body.map((blob: { id: string }) => blob.id);
  }

  describe('authentication', () => {
    it.each([
      ['GET', '/storages/blobs'],
      ['POST', '/storages/blobs'],
      ['GET', '/storages/blobs/1'],
      ['PUT', '/storages/blobs/1'],
      ['DELETE', '/storages/blobs/1'],
    ])('%s %s returns 401 without a token', async (method, path) => {
      const response = await t.anonymous[method.toLowerCase() as 'get'](path).expect(401);
      expect(response.body.code).toBe('unauthorized');
      expect(response.body.message).toMatch(/Authorization: Bearer/);
    });

    it('creates nothing without a token', async () => {
      const body = blobBody();
      await t.anonymous.post('/storages/blobs').send(body).expect(401);
      expect(await listedIds({ storageAccount: body.storageAccount })).toEqual([]);
    });
  });

  describe('admin only', () => {
    it.each([
      ['GET', '/storages/blobs'],
      ['POST', '/storages/blobs'],
      ['GET', `/storages/blobs/${MISSING_ID}`],
      ['PUT', `/storages/blobs/${MISSING_ID}`],
      ['DELETE', `/storages/blobs/${MISSING_ID}`],
    ])('%s %s returns 403 for a non-admin', async (method, path) => {
      const agent = t.as('alice');
      const request = agent[method.toLowerCase() as 'post'](path);
      const body = method === 'GET' || method === 'DELETE' ? undefined : blobBody();
      const response = await request.send(body).expect(403);
      expect(response.body.code).toBe('blob_admin_only');
    });

    it('returns 403 for the web portal\'s query', async () => {
      const response = await t
        .as('bob')
        .get('/storages/blobs')
        .query({ username: '', storageAccount: '', containerName: '', type: 'blob' })
        .expect(403);
      expect(response.body.code).toBe('blob_admin_only');
    });

    it('hides a record from the user it lists', async () => {
      const id = await createBlob({ users: ['alice'] });
      const response = await t.as('alice').get(`/storages/blobs/${id}`).expect(403);
      expect(response.text).not.toContain('sas-token');
    });

    it('stores nothing a non-admin sends', async () => {
      const body = blobBody();
      await t.as('bob').post('/storages/blobs').send(body).expect(403);
      expect(await listedIds({ storageAccount: body.storageAccount })).toEqual([]);
    });
  });

  describe('GET /storages/blobs', () => {
    it('lists every record to an admin', async () => {
      const first = await createBlob();
      const second = await createBlob({ type: 'nfs' });

      const response = await t.as('admin').get('/storages/blobs').expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const ids = response.body.map((blob: { id: string }) => blob.id);
      expect(ids).toContain(first);
      expect(ids).toContain(second);
    });

    it('filters by type, storageAccount and containerName together', async () => {
      const body = blobBody({ containerName: 'alice-data' });
      const match = await createBlob(body);
      await createBlob({ ...body, containerName: 'other-data' });
      await createBlob({ ...body, type: 'nfs' });

      const ids = await listedIds({ type: 'azureBlob', storageAccount: body.storageAccount, containerName: 'alice-data' });
      expect(ids).toEqual([match]);
    });

    it('filters by user', async () => {
      const account = blobBody().storageAccount;
      const listed = await createBlob({ storageAccount: account, users: ['alice', 'bob'] });
      await createBlob({ storageAccount: account, users: ['bob'] });
      await createBlob({ storageAccount: account, users: null });

      expect(await listedIds({ storageAccount: account, user: 'alice' })).toEqual([listed]);
    });

    it('filters by username', async () => {
      const account = blobBody().storageAccount;
      const listed = await createBlob({ storageAccount: account, users: ['carol'] });
      await createBlob({ storageAccount: account, users: ['bob'] });

      expect(await listedIds({ storageAccount: account, username: 'carol' })).toEqual([listed]);
    });

    it('matches a user name exactly', async () => {
      const account = blobBody().storageAccount;
      await createBlob({ storageAccount: account, users: ['alice2', 'Alice'] });

      expect(await listedIds({ storageAccount: account, user: 'alice' })).toEqual([]);
    });

    it('treats empty filter values as no filter', async () => {
      const account = blobBody().storageAccount;
      const id = await createBlob({ storageAccount: account, users: null });

      const ids = await listedIds({ storageAccount: account, type: '', containerName: '', user: '', username: '' });
      expect(ids).toEqual([id]);
    });

    it('returns an empty list when nothing matches', async () => {
      expect(await listedIds({ storageAccount: 'no-such-account' })).toEqual([]);
    });

    it('rejects a filter given twice', async () => {
      const response = await t.as('admin').get('/storages/blobs?user=alice&user=bob').expect(400);
      expect(response.body.code).toBe('invalid_query');
      expect(response.body.message).toContain('user');
    });
  });

  describe('POST /storages/blobs', () => {
    it('lets an admin create a record', async () => {
      const body = blobBody({ users: ['alice', 'bob'], tokens: ['token-1', 'token-2'] });
      const response = await t.as('admin').post('/storages/blobs').send(body).expect(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(response.body)).toEqual(['id']);
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);

      const stored = await t.as('admin').get(`/storages/blobs/${response.body.id}`).expect(200);
      expect(stored.body).toMatchObject(body);
    });

    it('stores omitted tokens and users as null', async () => {
      const { tokens: _tokens, users: _users, ...body } = blobBody();
      const response = await t.as('admin').post('/storages/blobs').send(body).expect(201);

      const stored = await t.as('admin').get(`/storages/blobs/${response.body.id}`).expect(200);
      expect(stored.body.tokens).toBeNull();
      expect(stored.body.users).toBeNull();
    });

    it.each(['storageAccount', 'containerName', 'connectionStrings'])('rejects a missing %s naming it', async (field) => {
      const body: Record<string, unknown> = blobBody();
      delete body[field];
      const before = await listedIds({});
      const response = await t.as('admin').post('/storages/blobs').send(body).expect(400);
      expect(response.body.code).toBe('invalid_body');
      expect(response.body.message).toContain(field);
      expect(await listedIds({})).toEqual(before);
    });

    it('rejects a body with only a type', async () => {
      const before = await listedIds({});
      const response = await t.as('admin').post('/storages/blobs').send({ type: 'azureBlob' }).expect(400);
      expect(response.body.code).toBe('invalid_body');
      expect(await listedIds({})).toEqual(before);
    });

    it('rejects a connection string that is not a list', async () => {
      const body = { ...blobBody(), connectionStrings: 'AccountName=x' };
      const response = await t.as('admin').post('/storages/blobs').send(body).expect(400);
      expect(response.body.message).toContain('connectionStrings');
      expect(await listedIds({ storageAccount: body.storageAccount })).toEqual([]);
    });

    it('does not echo a rejected secret', async () => {
      const body = { ...blobBody(), connectionStrings: ['AccountKey=c2VjcmV0', 42] };
      const response = await t.as('admin').post('/storages/blobs').send(body).expect(400);
      expect(response.text).not.toContain('c2VjcmV0');
    });
  });

  describe('GET /storages/blobs/:blobId', () => {
    it('returns the record under the original field names', async () => {
      const body = blobBody();
      const id = await createBlob(body);

      const response = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(Object.keys(response.body)).toEqual([
        'id', 'type', 'storageAccount', 'containerName', 'connectionStrings', 'tokens', 'users', 'createdAt', 'updatedAt',
      ]);
      expect(response.body.connectionStrings).toEqual(body.connectionStrings);
      expect(response.body.createdAt).toMatch(ISO_TIMESTAMP);
      expect(response.body.updatedAt).toMatch(ISO_TIMESTAMP);
    });

    it('returns 404 for a record that does not exist', async () => {
      const response = await t.as('admin').get(`/storages/blobs/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('blob_not_found');
      expect(response.body.message).toContain(MISSING_ID);
    });

    it('rejects an id with a slash', async () => {
      const response = await t.as('admin').get('/storages/blobs/a%2Fb').expect(400);
      expect(response.body.code).toBe('invalid_path');
      expect(response.body.message).toContain('blobId');
    });
  });

  describe('PUT /storages/blobs/:blobId', () => {
    it('lets an admin change a record', async () => {
      const id = await createBlob({ users: ['alice'], tokens: ['sas-token'] });
      const response = await t
        .as('admin')
        .put(`/storages/blobs/${id}`)
        .send({ users: ['alice', 'bob'], tokens: ['sas-token-2'] })
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('updated');

      const stored = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(stored.body.users).toEqual(['alice', 'bob']);
      expect(stored.body.tokens).toEqual(['sas-token-2']);
    });

    it('keeps the fields the update leaves out', async () => {
      const body = blobBody();
      const id = await createBlob(body);
      await t.as('admin').put(`/storages/blobs/${id}`).send({ containerName: 'renamed' }).expect(200);

      const stored = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(stored.body.containerName).toBe('renamed');
      expect(stored.body.storageAccount).toBe(body.storageAccount);
      expect(stored.body.connectionStrings).toEqual(body.connectionStrings);
      expect(stored.body.users).toEqual(body.users);
    });

    it('clears the users set to null', async () => {
      const id = await createBlob({ users: ['alice'] });
      await t.as('admin').put(`/storages/blobs/${id}`).send({ users: null }).expect(200);

      const stored = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(stored.body.users).toBeNull();
    });

    it('changes what the user filter finds', async () => {
      const account = blobBody().storageAccount;
      const id = await createBlob({ storageAccount: account, users: ['alice'] });
      await t.as('admin').put(`/storages/blobs/${id}`).send({ users: ['bob'] }).expect(200);

      expect(await listedIds({ storageAccount: account, user: 'alice' })).toEqual([]);
      expect(await listedIds({ storageAccount: account, user: 'bob' })).toEqual([id]);
    });

    it('returns 403 for a non-admin and keeps the record', async () => {
      const id = await createBlob({ users: ['alice'] });
      const response = await t.as('bob').put(`/storages/blobs/${id}`).send({ users: ['bob'] }).expect(403);
      expect(response.body.code).toBe('blob_admin_only');

      const stored = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(stored.body.users).toEqual(['alice']);
    });

    it('returns 404 for a record that does not exist', async () => {
      const response = await t.as('admin').put(`/storages/blobs/${MISSING_ID}`).send({ users: ['bob'] }).expect(404);
      expect(response.body.code).toBe('blob_not_found');
      await t.as('admin').get(`/storages/blobs/${MISSING_ID}`).expect(404);
    });

    it('rejects an empty storageAccount and keeps the stored one', async () => {
      const body = blobBody();
      const id = await createBlob(body);
      const response = await t.as('admin').put(`/storages/blobs/${id}`).send({ storageAccount: '' }).expect(400);
      expect(response.body.message).toContain('storageAccount');

      const stored = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(stored.body.storageAccount).toBe(body.storageAccount);
    });

    it('rejects null connection strings and keeps the stored ones', async () => {
      const body = blobBody();
      const id = await createBlob(body);
      await t.as('admin').put(`/storages/blobs/${id}`).send({ connectionStrings: null }).expect(400);

      const stored = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(stored.body.connectionStrings).toEqual(body.connectionStrings);
    });

    it('returns 413 for a body over the limit', async () => {
      const id = await createBlob({ tokens: ['sas-token'] });
      const large = 'x'.repeat(t.config.http.bodyLimitBytes + 1);
      const response = await t.as('admin').put(`/storages/blobs/${id}`).send({ tokens: [large] }).expect(413);
      expect(response.body.code).toBe('body_too_large');

      const stored = await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
      expect(stored.body.tokens).toEqual(['sas-token']);
    });
  });

  describe('DELETE /storages/blobs/:blobId', () => {
    it('lets an admin delete a record', async () => {
      const id = await createBlob();
      const response = await t.as('admin').delete(`/storages/blobs/${id}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('deleted');

      await t.as('admin').get(`/storages/blobs/${id}`).expect(404);
    });

    it('returns 403 for a non-admin and keeps the record', async () => {
      const id = await createBlob();
      const response = await t.as('alice').delete(`/storages/blobs/${id}`).expect(403);
      expect(response.body.code).toBe('blob_admin_only');

      await t.as('admin').get(`/storages/blobs/${id}`).expect(200);
    });

    it('returns 404 for a record that does not exist', async () => {
      const response = await t.as('admin').delete(`/storages/blobs/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('blob_not_found');
    });

    it('returns 404 when deleting twice', async () => {
      const id = await createBlob();
      await t.as('admin').delete(`/storages/blobs/${id}`).expect(200);
      await t.as('admin').delete(`/storages/blobs/${id}`).expect(404);
    });
  });
});
