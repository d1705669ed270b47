import { itemBody, jobProtocol } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';

describe('items routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function createItem(user: 'admin' | 'alice' | 'bob' | 'carol', overrides = {}): Promise<string> {
    const response = await t.as(user).post('/items').send(itemBody(user, overrides)).expect(201);
    return response.body.id as string;
  }

  describe('authentication', () => {
    it.each([
      ['GET', '/items'],
      ['POST', '/items'],
      ['GET', '/items/1'],
      ['PUT', '/items/1'],
      ['DELETE', '/items/1'],
    ])('%s %s returns 401 without a token', async (method, path) => {
      const response = await t.anonymous[method.toLowerCase() as 'get'](path).expect(401);
      expect(response.body.code).toBe('unauthorized');
      expect(response.body.message).toMatch(/Authorization: Bearer/);
    });

    it('returns 401 for a token OpenPAI rejects', async () => {
      await t.anonymous.get('/items').set('Authorization', 'Bearer not-a-known-token').expect(401);
    });

    it('returns 401 for the Basic scheme', async () => {
      await t.anonymous.get('/items').set('Authorization', 'Basic YWxpY2U6cGFzcw==').expect(401);
    });
  });

  describe('POST /items', () => {
    it('creates an item and answers 201 with its id', async () => {
      const response = await t.as('alice').post('/items').send(itemBody('alice')).expect(201);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(Object.keys(response.body)).toEqual(['id']);
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps an item private when isPrivate and isPublic are both true', async () => {
      const id = await createItem('bob', { isPublic: true, isPrivate: true, groupList: ['nlp'] });

      const own = await t.as('bob').get(`/items/${id}`).expect(200);
      expect(own.body).toMatchObject({ isPublic: false, isPrivate: true, groupList: [] });
      await t.as('alice').get(`/items/${id}`).expect(404);
      const aliceList = await t.as('alice').get('/items').expect(200);
      expect(aliceList.body.map((item: { id: string }) => item.id)).not.toContain(id);
    });

    it('rejects an author other than the caller with 403', async () => {
      const response = await t.as('alice').post('/items').send(itemBody('bob')).expect(403);
      expect(response.body.code).toBe('author_mismatch');
    });

    it('rejects a missing author with 400 naming the field', async () => {
      const { author: _author, ...body } = itemBody('alice');
      const response = await t.as('alice').post('/items').send(body).expect(400);
      expect(response.body.message).toMatch(/author/);
    });

    it('names a wrong type without calling it missing', async () => {
      const response = await t.as('alice').post('/items').send({ ...itemBody('alice'), name: 5, isPublic: 'yes' }).expect(400);
      expect(response.body.message).toBe('Invalid body: name must be a string, not number.');
      expect(response.body.details[1]).toEqual({ field: 'isPublic', message: 'must be a boolean, not string' });
    });

    it('accepts free text as the display name', async () => {
      const id = await createItem('alice', { name: 'My data set' });
      const response = await t.as('alice').get(`/items/${id}`).expect(200);
      expect(response.body.name).toBe('My data set');
    });

    it('rejects a protocol whose own name has spaces, naming protocol.name', async () => {
      const response = await t
        .as('alice')
        .post('/items')
        .send(itemBody('alice', { protocol: jobProtocol('my data set') }))
        .expect(400);
      expect(response.body.code).toBe('invalid_protocol');
      expect(response.body.message).toContain('protocol.name');
      expect(response.body.message).toContain('^[a-zA-Z0-9_-]+$');
      expect(response.body.details[0]).toMatchObject({ field: 'protocol.name', line: 2 });
    });

    it('rejects YAML that does not parse, naming the line', async () => {
      const response = await t
        .as('alice')
        .post('/items')
        .send(itemBody('alice', { protocol: 'protocolVersion: 2\nname: x\ntaskRoles: [a, b\n' }))
        .expect(400);
      expect(response.body.details[0].line).toEqual(expect.any(Number));
    });

    it('rejects an empty protocol', async () => {
      const response = await t.as('alice').post('/items').send(itemBody('alice', { protocol: '' })).expect(400);
      expect(response.body.code).toBe('invalid_protocol');
    });

    it('rejects an unknown source with 400 naming the allowed values', async () => {
      const response = await t
        .as('alice')
        .post('/items')
        .send({ ...itemBody('alice'), source: 'github' })
        .expect(400);
      expect(response.body.message).toContain('source');
      expect(response.body.message).toContain('"marketplace"');
    });

    it('accepts OpenPAI\'s save-template call and lists the item under my templates', async () => {
      const saved = await t
        .as('carol')
        .post('/items')
        .send({
          name: 'carol-job-template',
          summary: 'Saved from the submission page',
          description: 'Saved from OpenPAI',
          protocol: jobProtocol('carol_job'),
          source: 'pai',
          type: 'template',
          isPrivate: true,
          author: 'carol',
        })
        .expect(201);
      expect(saved.body.id).toEqual(expect.any(String));

      const mine = await t.as('carol').get('/items').query({ author: 'carol', source: 'pai' }).expect(200);
      expect(Array.isArray(mine.body)).toBe(true);
      expect(mine.body.map((item: { id: string }) => item.id)).toContain(saved.body.id);
      expect(mine.body[0]).toHaveProperty('createdAt');
    });
  });

  describe('GET /items/:itemId', () => {
    it('returns the row under the original field names with the caller\'s permissions', async () => {
      const id = await createItem('alice');
      const response = await t.as('bob').get(`/items/${id}`).expect(200);
      expect(Object.keys(response.body)).toEqual([
        'id', 'name', 'author', 'type', 'source', 'isPublic', 'isPrivate', 'groupList', 'dataType', 'dataUrl', 'useBlob',
        'categories', 'tags', 'summary', 'description', 'protocol', 'useNumber', 'starNumber', 'status', 'createdAt',
        'updatedAt', 'copiedFrom', 'permissions', 'starred',
      ]);
      expect(response.body.permissions).toEqual({ edit: false, delete: false, share: false });

      const own = await t.as('alice').get(`/items/${id}`).expect(200);
      expect(own.body.permissions).toEqual({ edit: true, delete: true, share: true });
    });

    it('returns 404 for an item that does not exist', async () => {
      const response = await t.as('alice').get('/items/00000000-0000-4000-8000-000000000000').expect(404);
      expect(response.body.code).toBe('item_not_found');
    });

    it('rejects an id with markup without echoing it raw', async () => {
      const response = await t.as('alice').get('/items/%3Cscript%3E').expect(400);
      expect(response.text).not.toContain('<script>');
    });

    it('shows a group-shared item to a member and hides it from others', async () => {
      const id = await createItem('admin', { isPublic: false, isPrivate: false, groupList: ['vision'] });

      await t.as('alice').get(`/items/${id}`).expect(200);
      await t.as('bob').get(`/items/${id}`).expect(404);
      const aliceList = await t.as('alice').get('/items').expect(200);
      const bobList = await t.as('bob').get('/items').expect(200);
      expect(aliceList.body.map((item: { id: string }) => item.id)).toContain(id);
      expect(bobList.body.map((item: { id: string }) => item.id)).not.toContain(id);
    });
  });

  describe('PUT /items/:itemId', () => {
    it('updates the fields given and answers the text updated', async () => {
      const id = await createItem('alice');
      const response = await t.as('alice').put(`/items/${id}`).send({ summary: 'v2' }).expect(200);
      expect(response.text).toBe('updated');

      const item = await t.as('alice').get(`/items/${id}`).expect(200);
      expect(item.body.summary).toBe('v2');
      expect(item.body.name).toBe('alice template');
    });

    it('returns 404, not 500, for an item that does not exist', async () => {
      await t.as('alice').put('/items/00000000-0000-4000-8000-000000000000').send({ summary: 'x' }).expect(404);
      await t.as('admin').put('/items/00000000-0000-4000-8000-000000000000').send({ summary: 'x' }).expect(404);
    });

    it('returns 403 when another user edits', async () => {
      const id = await createItem('alice');
      const response = await t.as('bob').put(`/items/${id}`).send({ summary: 'mine now' }).expect(403);
      expect(response.body.code).toBe('item_edit_forbidden');
    });

    it('rejects an invalid protocol and keeps the stored one', async () => {
      const id = await createItem('alice');
      await t.as('alice').put(`/items/${id}`).send({ protocol: 'name: [' }).expect(400);
      const item = await t.as('alice').get(`/items/${id}`).expect(200);
      expect(item.body.protocol).toBe(jobProtocol());
    });

    it('keeps an old protocol that fails today\'s rule when the update leaves it alone', async () => {
      const id = await createItem('alice');
      await t.dataSource.query(`UPDATE "MarketplaceItems" SET protocol = 'legacy: true' WHERE id = $1`, [id]);
      await t.as('alice').put(`/items/${id}`).send({ summary: 'still fine' }).expect(200);
    });

    it('refuses to hand an item to another author unless admin', async () => {
      const id = await createItem('bob');
      await t.as('bob').put(`/items/${id}`).send({ author: 'alice' }).expect(403);
      await t.as('bob').get(`/items/${id}`).expect(200);
      await t.as('admin').put(`/items/${id}`).send({ author: 'alice' }).expect(200);
      const moved = await t.as('alice').get(`/items/${id}`).expect(200);
      expect(moved.body.author).toBe('alice');
    });

    it('keeps a public item the author made private in their own author list', async () => {
      const id = await createItem('alice');
      await t.as('alice').put(`/items/${id}`).send({ isPrivate: true }).expect(200);

      const mine = await t.as('alice').get('/items').query({ author: 'alice' }).expect(200);
      const item = mine.body.find((candidate: { id: string }) => candidate.id === id);
      expect(item).toMatchObject({ isPrivate: true, isPublic: false });
      await t.as('bob').get(`/items/${id}`).expect(404);
    });

    it('makes a private item public when the update sets only isPublic', async () => {
      const id = await createItem('alice', { isPrivate: true, isPublic: false });
      await t.as('alice').put(`/items/${id}`).send({ isPublic: true }).expect(200);
      await t.as('bob').get(`/items/${id}`).expect(200);
    });

    it('rejects a group list on a private item', async () => {
      const id = await createItem('alice', { isPrivate: true });
      const response = await t.as('alice').put(`/items/${id}`).send({ groupList: ['nlp'] }).expect(400);
      expect(response.body.code).toBe('group_list_not_applicable');
      await t.as('bob').get(`/items/${id}`).expect(404);
    });

    it('shares an item with a group on request', async () => {
      const id = await createItem('alice', { isPrivate: true });
      await t.as('alice').put(`/items/${id}`).send({ isPrivate: false, isPublic: false, groupList: ['nlp'] }).expect(200);
      const shared = await t.as('bob').get(`/items/${id}`).expect(200);
      expect(shared.body).toMatchObject({ isPublic: false, isPrivate: false, groupList: ['nlp'] });
    });

    it('ignores counters in the body, because the server counts them', async () => {
      const id = await createItem('alice');
      await t.as('alice').put(`/items/${id}`).send({ useNumber: 99, starNumber: 7 }).expect(200);
      const item = await t.as('alice').get(`/items/${id}`).expect(200);
      expect(item.body).toMatchObject({ useNumber: 0, starNumber: 0 });
    });
  });

  describe('DELETE /items/:itemId', () => {
    it('lets an admin delete another user\'s item', async () => {
      const id = await createItem('alice', { isPrivate: true });
      const response = await t.as('admin').delete(`/items/${id}`).expect(200);
      expect(response.text).toBe('deleted');
      await t.as('admin').get(`/items/${id}`).expect(404);
      await t.as('alice').get(`/items/${id}`).expect(404);
    });

    it('returns 403 for another user and keeps the item', async () => {
      const id = await createItem('alice');
      await t.as('bob').delete(`/items/${id}`).expect(403);
      await t.as('alice').get(`/items/${id}`).expect(200);
    });

    it('returns 404 when deleting twice', async () => {
      const id = await createItem('bob');
      await t.as('bob').delete(`/items/${id}`).expect(200);
      await t.as('bob').delete(`/items/${id}`).expect(404);
    });
  });
});
