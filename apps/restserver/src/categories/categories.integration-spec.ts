import { itemBody } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('categories routes', () => {
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Returns a category name that no other test uses. */
  function uniqueName(prefix = 'category'): string {
    counter += 1;
    return `${prefix}-${counter}`;
  }

  async function createCategory(body: Record<string, unknown> = {}): Promise<string> {
    const response = await t
      .as('admin')
      .post('/categories')
      .send({ name: uniqueName(), ...body })
      .expect(201);
    return response.body.id as string;
  }

  async function categoryNames(): Promise<string[]> {
    const response = await t.as('admin').get('/categories').expect(200);
    return response.body.map((category: { name: string }) => category.name);
  }

  describe('authentication', () => {
    it.each([
      ['GET', '/categories'],
      ['POST', '/categories'],
      ['GET', '/categories/1'],
      ['PUT', '/categories/1'],
      ['DELETE', '/categories/1'],
    ])('%s %s returns 401 without a token', async (method, path) => {
      const response = await t.anonymous[method.toLowerCase() as 'get'](path).expect(401);
      expect(response.body.code).toBe('unauthorized');
      expect(response.body.message).toMatch(/Authorization: Bearer/);
    });

    it('creates nothing without a token', async () => {
      const name = uniqueName('anonymous');
      await t.anonymous.post('/categories').send({ name }).expect(401);
      expect(await categoryNames()).not.toContain(name);
    });
  });

  describe('GET /categories', () => {
    it('lists every category to any user', async () => {
      const name = uniqueName();
      const id = await createCategory({ name });

      const response = await t.as('bob').get('/categories').expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Array.isArray(response.body)).toBe(true);
      expect(response.body).toContainEqual(expect.objectContaining({ id, name }));
    });
  });

  describe('POST /categories', () => {
    it('lets an admin create a category', async () => {
      const name = uniqueName();
      const response = await t
        .as('admin')
        .post('/categories')
        .send({ name, description: 'Natural language processing', extras: '{"icon":"text"}' })
        .expect(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(response.body)).toEqual(['id']);
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);

      const stored = await t.as('alice').get(`/categories/${response.body.id}`).expect(200);
      expect(stored.body.name).toBe(name);
      expect(stored.body.description).toBe('Natural language processing');
      expect(stored.body.extras).toBe('{"icon":"text"}');
    });

    it('stores omitted optional fields as null', async () => {
      const id = await createCategory();
      const stored = await t.as('alice').get(`/categories/${id}`).expect(200);
      expect(stored.body.description).toBeNull();
      expect(stored.body.extras).toBeNull();
    });

    it('returns 403 for a non-admin', async () => {
      const name = uniqueName();
      const response = await t.as('alice').post('/categories').send({ name, description: 'Computer vision' }).expect(403);
      expect(response.body.code).toBe('category_admin_only');
      expect(response.body.message).toContain('create');
      expect(await categoryNames()).not.toContain(name);
    });

    it('returns 409 for a name already taken', async () => {
      const name = uniqueName();
      const existingId = await createCategory({ name });

      const response = await t.as('admin').post('/categories').send({ name }).expect(409);
      expect(response.body.code).toBe('category_name_taken');
      expect(response.body.message).toContain(existingId);

      const sameName = (await categoryNames()).filter((candidate) => candidate === name);
      expect(sameName).toHaveLength(1);
    });

    it('creates one category from concurrent duplicate requests', async () => {
      const name = uniqueName('concurrent');
      const responses = await Promise.all(Array.from({ length: 20 }, () => t.as('admin').post('/categories').send({ name })));

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      const sameName = (await categoryNames()).filter((candidate) => candidate === name);
      expect(sameName).toHaveLength(1);
    });

    it('rejects a missing name with 400 naming the field', async () => {
      const before = await categoryNames();
      const response = await t.as('admin').post('/categories').send({ description: 'nameless' }).expect(400);
      expect(response.body.code).toBe('invalid_body');
      expect(response.body.message).toContain('name');
      expect(await categoryNames()).toEqual(before);
    });

    it('rejects an empty name', async () => {
      const response = await t.as('admin').post('/categories').send({ name: '' }).expect(400);
      expect(response.body.message).toContain('name');
      expect(await categoryNames()).not.toContain('');
    });

    it('rejects a description longer than 255 characters', async () => {
      const name = uniqueName();
      const response = await t.as('admin').post('/categories').send({ name, description: 'd'.repeat(256) }).expect(400);
      expect(response.body.message).toContain('description');
      expect(await categoryNames()).not.toContain(name);
    });

    it('rejects a plain-text body with 415', async () => {
      const response = await t.as('admin').post('/categories').set('Content-Type', 'text/plain').send('plain-text').expect(415);
      expect(response.body.code).toBe('unsupported_media_type');
      expect(await categoryNames()).not.toContain('plain-text');
    });

    it('returns 413 for a body over the limit', async () => {
      const name = uniqueName('large');
      const extras = 'x'.repeat(t.config.http.bodyLimitBytes + 1);
      const response = await t.as('admin').post('/categories').send({ name, extras }).expect(413);
      expect(response.body.code).toBe('body_too_large');
      expect(await categoryNames()).not.toContain(name);
    });
  });

  describe('GET /categories/:categoryId', () => {
    it('returns the category under the original field names', async () => {
      const name = uniqueName();
      const id = await createCategory({ name, description: 'Computer vision' });

      const response = await t.as('bob').get(`/categories/${id}`).expect(200);
      expect(Object.keys(response.body)).toEqual(['id', 'name', 'description', 'extras', 'createdAt', 'updatedAt']);
      expect(response.body).toMatchObject({ id, name, description: 'Computer vision', extras: null });
      expect(response.body.createdAt).toMatch(ISO_TIMESTAMP);
      expect(response.body.updatedAt).toMatch(ISO_TIMESTAMP);
    });

    it('returns 404 for a category that does not exist', async () => {
      const response = await t.as('alice').get(`/categories/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('category_not_found');
      expect(response.body.message).toContain(MISSING_ID);
    });

    it('rejects an id with a space', async () => {
      const response = await t.as('alice').get('/categories/two%20words').expect(400);
      expect(response.body.code).toBe('invalid_path');
      expect(response.body.message).toContain('categoryId');
    });
  });

  describe('PUT /categories/:categoryId', () => {
    it('lets an admin change a category', async () => {
      const id = await createCategory({ description: 'Computer vision' });
      const response = await t.as('admin').put(`/categories/${id}`).send({ description: 'Computer vision (images, video)' }).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('updated');

      const stored = await t.as('bob').get(`/categories/${id}`).expect(200);
      expect(stored.body.description).toBe('Computer vision (images, video)');
    });

    it('keeps the fields the update leaves out', async () => {
      const name = uniqueName();
      const id = await createCategory({ name, description: 'kept', extras: 'kept too' });
      await t.as('admin').put(`/categories/${id}`).send({ extras: null }).expect(200);

      const stored = await t.as('bob').get(`/categories/${id}`).expect(200);
      expect(stored.body.name).toBe(name);
      expect(stored.body.description).toBe('kept');
      expect(stored.body.extras).toBeNull();
    });

    it('returns 403 for a non-admin', async () => {
      const id = await createCategory({ description: 'original' });
      const response = await t.as('alice').put(`/categories/${id}`).send({ description: 'x' }).expect(403);
      expect(response.body.code).toBe('category_admin_only');
      expect(response.body.message).toContain('update');

      const stored = await t.as('alice').get(`/categories/${id}`).expect(200);
      expect(stored.body.description).toBe('original');
    });

    it('returns 404 for a category that does not exist', async () => {
      const response = await t.as('admin').put(`/categories/${MISSING_ID}`).send({ description: 'x' }).expect(404);
      expect(response.body.code).toBe('category_not_found');
      await t.as('admin').get(`/categories/${MISSING_ID}`).expect(404);
    });

    it('returns 409 when renaming to a taken name', async () => {
      const takenName = uniqueName();
      const takenId = await createCategory({ name: takenName });
      const ownName = uniqueName();
      const id = await createCategory({ name: ownName });

      const response = await t.as('admin').put(`/categories/${id}`).send({ name: takenName }).expect(409);
      expect(response.body.code).toBe('category_name_taken');
      expect(response.body.message).toContain(takenId);

      const stored = await t.as('admin').get(`/categories/${id}`).expect(200);
      expect(stored.body.name).toBe(ownName);
    });

    it('accepts the category\'s own name unchanged', async () => {
      const name = uniqueName();
      const id = await createCategory({ name });
      await t.as('admin').put(`/categories/${id}`).send({ name, description: 'same name' }).expect(200);

      const stored = await t.as('admin').get(`/categories/${id}`).expect(200);
      expect(stored.body.name).toBe(name);
      expect(stored.body.description).toBe('same name');
    });

    it('rejects a non-string description and keeps the stored one', async () => {
      const id = await createCategory({ description: 'original' });
      const response = await t.as('admin').put(`/categories/${id}`).send({ description: ['list'] }).expect(400);
      expect(response.body.message).toContain('description');

      const stored = await t.as('admin').get(`/categories/${id}`).expect(200);
      expect(stored.body.description).toBe('original');
    });
  });

  describe('DELETE /categories/:categoryId', () => {
    it('lets an admin delete a category', async () => {
      const id = await createCategory();
      const response = await t.as('admin').delete(`/categories/${id}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('deleted');

      await t.as('alice').get(`/categories/${id}`).expect(404);
    });

    it('returns 403 for a non-admin', async () => {
      const id = await createCategory();
      const response = await t.as('bob').delete(`/categories/${id}`).expect(403);
      expect(response.body.code).toBe('category_admin_only');
      expect(response.body.message).toContain('delete');

      await t.as('bob').get(`/categories/${id}`).expect(200);
    });

    it('returns 404 for a category that does not exist', async () => {
      const response = await t.as('admin').delete(`/categories/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('category_not_found');
    });

    it('returns 404 when deleting twice', async () => {
      const id = await createCategory();
      await t.as('admin').delete(`/categories/${id}`).expect(200);
      await t.as('admin').delete(`/categories/${id}`).expect(404);
    });

    it('unlinks the category from its items', async () => {
      const name = uniqueName();
      const categoryId = await createCategory({ name });
      const created = await t.as('bob').post('/items').send(itemBody('bob')).expect(201);
      const itemId = created.body.id as string;
      await t.as('bob').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      await t.as('admin').delete(`/categories/${categoryId}`).expect(200);

      const links = await t.as('bob').get(`/items/${itemId}/category`).expect(200);
      expect(links.body).toEqual([]);
      const filtered = await t.as('bob').get('/items').query({ category: name }).expect(200);
      expect(filtered.body).toEqual([]);
      await t.as('bob').get(`/items/${itemId}`).expect(200);
    });
  });
});
