import { startTestApp, type TestApp, type TestUser } from '../../test/test-app';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('tags routes', () => {
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Returns a tag name that no other test uses. */
  function uniqueName(prefix = 'tag'): string {
    counter += 1;
    return `${prefix}-${counter}`;
  }

  async function createTag(user: TestUser, body: Record<string, unknown> = {}): Promise<string> {
    const response = await t
      .as(user)
      .post('/tags')
      .send({ name: uniqueName(), ...body })
      .expect(201);
    return response.body.id as string;
  }

  async function tagNames(): Promise<string[]> {
    const response = await t.as('admin').get('/tags').expect(200);
    return response.body.map((tag: { name: string }) => tag.name);
  }

  describe('authentication', () => {
    it.each([
      ['GET', '/tags'],
      ['POST', '/tags'],
      ['GET', '/tags/1'],
      ['PUT', '/tags/1'],
      ['DELETE', '/tags/1'],
    ])('%s %s returns 401 without a token', async (method, path) => {
      const response = await t.anonymous[method.toLowerCase() as 'get'](path).expect(401);
      expect(response.body.code).toBe('unauthorized');
      expect(response.body.message).toMatch(/Authorization: Bearer/);
    });

    it('creates nothing without a token', async () => {
      const name = uniqueName('anonymous');
      await t.anonymous.post('/tags').send({ name }).expect(401);
      expect(await tagNames()).not.toContain(name);
    });
  });

  describe('GET /tags', () => {
    it('lists every tag to any user', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name });

      const response = await t.as('bob').get('/tags').expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Array.isArray(response.body)).toBe(true);
      expect(response.body).toContainEqual(expect.objectContaining({ id, name }));
    });
  });

  describe('POST /tags', () => {
    it('lets any signed-in user create a tag', async () => {
      const name = uniqueName();
      const response = await t.as('bob').post('/tags').send({ name, color: '#ff8c00' }).expect(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(response.body)).toEqual(['id']);
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);

      const stored = await t.as('alice').get(`/tags/${response.body.id}`).expect(200);
      expect(stored.body.name).toBe(name);
      expect(stored.body.color).toBe('#ff8c00');
    });

    it('stores omitted optional fields as null', async () => {
      const id = await createTag('alice');
      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.color).toBeNull();
      expect(stored.body.description).toBeNull();
      expect(stored.body.extras).toBeNull();
    });

    it('returns 409 for a name already taken', async () => {
      const name = uniqueName();
      const existingId = await createTag('alice', { name });

      const response = await t.as('bob').post('/tags').send({ name, color: '#000000' }).expect(409);
      expect(response.body.code).toBe('tag_name_taken');
      expect(response.body.message).toContain(existingId);

      const sameName = (await tagNames()).filter((candidate) => candidate === name);
      expect(sameName).toHaveLength(1);
    });

    it('accepts a name differing only in case', async () => {
      const name = uniqueName('Vision');
      await createTag('alice', { name });
      await createTag('alice', { name: name.toLowerCase() });

      const names = await tagNames();
      expect(names).toContain(name);
      expect(names).toContain(name.toLowerCase());
    });

    it('creates one tag from concurrent duplicate requests', async () => {
      const name = uniqueName('concurrent');
      const responses = await Promise.all(Array.from({ length: 20 }, () => t.as('alice').post('/tags').send({ name })));

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      const sameName = (await tagNames()).filter((candidate) => candidate === name);
      expect(sameName).toHaveLength(1);
    });

    it('rejects a missing name with 400 naming the field', async () => {
      const before = await tagNames();
      const response = await t.as('bob').post('/tags').send({ color: '#000000' }).expect(400);
      expect(response.body.code).toBe('invalid_body');
      expect(response.body.message).toContain('name');
      expect(await tagNames()).toEqual(before);
    });

    it('rejects an empty name', async () => {
      const response = await t.as('bob').post('/tags').send({ name: '' }).expect(400);
      expect(response.body.message).toContain('name');
      expect(await tagNames()).not.toContain('');
    });

    it('rejects a name longer than 255 characters', async () => {
      const name = 'n'.repeat(256);
      const response = await t.as('bob').post('/tags').send({ name }).expect(400);
      expect(response.body.message).toContain('255');
      expect(await tagNames()).not.toContain(name);
    });

    it('rejects a non-string color', async () => {
      const name = uniqueName();
      const response = await t.as('bob').post('/tags').send({ name, color: 7 }).expect(400);
      expect(response.body.message).toContain('color');
      expect(await tagNames()).not.toContain(name);
    });

    it('rejects a plain-text body with 415', async () => {
      const response = await t.as('bob').post('/tags').set('Content-Type', 'text/plain').send('plain-text-tag').expect(415);
      expect(response.body.code).toBe('unsupported_media_type');
      expect(await tagNames()).not.toContain('plain-text-tag');
    });

    it('rejects malformed JSON', async () => {
      const before = await tagNames();
      const response = await t.as('bob').post('/tags').set('Content-Type', 'application/json').send('{"name": broken}').expect(400);
      expect(response.body.code).toBe('invalid_json');
      expect(await tagNames()).toEqual(before);
    });

    it('returns 413 for a body over the limit', async () => {
      const name = uniqueName('large');
      const extras = 'x'.repeat(t.config.http.bodyLimitBytes + 1);
      const response = await t.as('bob').post('/tags').send({ name, extras }).expect(413);
      expect(response.body.code).toBe('body_too_large');
      expect(await tagNames()).not.toContain(name);
    });

    it('ignores an id in the body', async () => {
      const response = await t.as('alice').post('/tags').send({ id: 'chosen-id', name: uniqueName() }).expect(201);
      expect(response.body.id).not.toBe('chosen-id');
      await t.as('alice').get('/tags/chosen-id').expect(404);
    });
  });

  describe('GET /tags/:tagId', () => {
    it('returns the tag under the original field names', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name, color: '#0078d4', description: 'computer vision', extras: '{"icon":"eye"}' });

      const response = await t.as('bob').get(`/tags/${id}`).expect(200);
      expect(Object.keys(response.body)).toEqual(['id', 'name', 'color', 'description', 'extras', 'createdAt', 'updatedAt']);
      expect(response.body).toMatchObject({ id, name, color: '#0078d4', description: 'computer vision', extras: '{"icon":"eye"}' });
      expect(response.body.createdAt).toMatch(ISO_TIMESTAMP);
      expect(response.body.updatedAt).toMatch(ISO_TIMESTAMP);
    });

    it('returns 404 for a tag that does not exist', async () => {
      const response = await t.as('bob').get(`/tags/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('tag_not_found');
      expect(response.body.message).toContain(MISSING_ID);
    });

    it('rejects an id with markup without echoing it raw', async () => {
      const response = await t.as('bob').get('/tags/%3Cb%3Ebold%3C%2Fb%3E').expect(400);
      expect(response.body.code).toBe('invalid_path');
      expect(response.body.message).toContain('tagId');
      expect(response.text).not.toContain('<b>');
    });
  });

  describe('PUT /tags/:tagId', () => {
    it('lets an admin change a tag', async () => {
      const id = await createTag('alice', { color: '#0078d4' });
      const response = await t.as('admin').put(`/tags/${id}`).send({ color: '#107c10', description: 'Computer vision items' }).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('updated');

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.color).toBe('#107c10');
      expect(stored.body.description).toBe('Computer vision items');
    });

    it('keeps the fields the update leaves out', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name, color: '#0078d4', extras: 'kept' });
      await t.as('admin').put(`/tags/${id}`).send({ description: 'new' }).expect(200);

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.name).toBe(name);
      expect(stored.body.color).toBe('#0078d4');
      expect(stored.body.extras).toBe('kept');
    });

    it('clears a field set to null', async () => {
      const id = await createTag('alice', { color: '#0078d4' });
      await t.as('admin').put(`/tags/${id}`).send({ color: null }).expect(200);

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.color).toBeNull();
    });

    it('moves updatedAt but not createdAt', async () => {
      const id = await createTag('alice');
      const before = await t.as('alice').get(`/tags/${id}`).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await t.as('admin').put(`/tags/${id}`).send({ description: 'later' }).expect(200);

      const after = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(after.body.createdAt).toBe(before.body.createdAt);
      expect(Date.parse(after.body.updatedAt)).toBeGreaterThan(Date.parse(before.body.updatedAt));
    });

    it('returns 403 for the tag\'s own creator', async () => {
      const id = await createTag('alice', { color: '#0078d4' });
      const response = await t.as('alice').put(`/tags/${id}`).send({ color: '#111111' }).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.code).toBe('tag_admin_only');

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.color).toBe('#0078d4');
    });

    it('returns 404 for a tag that does not exist', async () => {
      const response = await t.as('admin').put(`/tags/${MISSING_ID}`).send({ color: '#107c10' }).expect(404);
      expect(response.body.code).toBe('tag_not_found');
      await t.as('admin').get(`/tags/${MISSING_ID}`).expect(404);
    });

    it('returns 409 when renaming to a taken name', async () => {
      const takenName = uniqueName();
      const takenId = await createTag('alice', { name: takenName });
      const ownName = uniqueName();
      const id = await createTag('bob', { name: ownName });

      const response = await t.as('admin').put(`/tags/${id}`).send({ name: takenName }).expect(409);
      expect(response.body.code).toBe('tag_name_taken');
      expect(response.body.message).toContain(takenId);

      const stored = await t.as('bob').get(`/tags/${id}`).expect(200);
      expect(stored.body.name).toBe(ownName);
    });

    it('accepts the tag\'s own name unchanged', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name });
      await t.as('admin').put(`/tags/${id}`).send({ name, color: '#222222' }).expect(200);

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.name).toBe(name);
      expect(stored.body.color).toBe('#222222');
    });

    it('lets an admin rename a tag', async () => {
      const id = await createTag('alice');
      const newName = uniqueName('renamed');
      await t.as('admin').put(`/tags/${id}`).send({ name: newName }).expect(200);

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.name).toBe(newName);
    });

    it('rejects an empty name and keeps the stored one', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name });
      const response = await t.as('admin').put(`/tags/${id}`).send({ name: '' }).expect(400);
      expect(response.body.message).toContain('name');

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.name).toBe(name);
    });

    it('rejects a null name and keeps the stored one', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name });
      await t.as('admin').put(`/tags/${id}`).send({ name: null }).expect(400);

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.name).toBe(name);
    });

    it('ignores an id in the body', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name });
      await t.as('admin').put(`/tags/${id}`).send({ id: 'moved-id', color: '#333333' }).expect(200);

      const stored = await t.as('alice').get(`/tags/${id}`).expect(200);
      expect(stored.body.color).toBe('#333333');
      await t.as('alice').get('/tags/moved-id').expect(404);
    });
  });

  describe('DELETE /tags/:tagId', () => {
    it('lets an admin delete a tag', async () => {
      const id = await createTag('bob');
      const response = await t.as('admin').delete(`/tags/${id}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('deleted');

      await t.as('bob').get(`/tags/${id}`).expect(404);
    });

    it('returns 403 for the tag\'s own creator', async () => {
      const id = await createTag('bob');
      const response = await t.as('bob').delete(`/tags/${id}`).expect(403);
      expect(response.body.code).toBe('tag_admin_only');

      await t.as('bob').get(`/tags/${id}`).expect(200);
    });

    it('returns 404 for a tag that does not exist', async () => {
      const response = await t.as('admin').delete(`/tags/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('tag_not_found');
    });

    it('returns 404 when deleting twice', async () => {
      const id = await createTag('bob');
      await t.as('admin').delete(`/tags/${id}`).expect(200);
      await t.as('admin').delete(`/tags/${id}`).expect(404);
    });

    it('frees the name for a new tag', async () => {
      const name = uniqueName();
      const id = await createTag('alice', { name });
      await t.as('admin').delete(`/tags/${id}`).expect(200);

      const newId = await createTag('bob', { name });
      const stored = await t.as('bob').get(`/tags/${newId}`).expect(200);
      expect(stored.body.name).toBe(name);
    });
  });
});
