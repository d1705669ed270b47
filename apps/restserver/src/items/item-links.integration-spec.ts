import { itemBody } from '../../test/factories';
import { startTestApp, type TestApp, type TestUser } from '../../test/test-app';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const OFFICIAL_EXAMPLE = 'official example';

interface ListedLinks {
  id: string;
  ItemTags: { id: string; name: string; color: string | null }[];
  ItemCategories: { id: string; name: string }[];
}

describe('item link routes', () => {
  let t: TestApp;
  let counter = 0;
  let officialExample: Promise<string> | undefined;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** Returns a tag or category name that no other test uses. */
  function uniqueName(prefix: string): string {
    counter += 1;
    return `${prefix}-${counter}`;
  }

  async function createItem(user: TestUser, overrides = {}): Promise<string> {
    const response = await t.as(user).post('/items').send(itemBody(user, overrides)).expect(201);
    return response.body.id as string;
  }

  async function createTag(body: Record<string, unknown> = {}): Promise<string> {
    const response = await t
      .as('bob')
      .post('/tags')
      .send({ name: uniqueName('tag'), ...body })
      .expect(201);
    return response.body.id as string;
  }

  async function createCategory(body: Record<string, unknown> = {}): Promise<string> {
    const response = await t
      .as('admin')
      .post('/categories')
      .send({ name: uniqueName('category'), ...body })
      .expect(201);
    return response.body.id as string;
  }

  /** Returns the id of the `official example` category, creating it on first use. */
  function officialExampleId(): Promise<string> {
    officialExample ??= createCategory({ name: OFFICIAL_EXAMPLE });
    return officialExample;
  }

  /** Creates an item of alice's that an admin has put in `official example`. */
  async function lockedItem(): Promise<{ itemId: string; officialId: string }> {
    const itemId = await createItem('alice');
    const officialId = await officialExampleId();
    await t.as('admin').post(`/items/${itemId}/category/${officialId}`).expect(200);
    return { itemId, officialId };
  }

  async function linkedTagIds(itemId: string): Promise<string[]> {
    const response = await t.as('admin').get(`/items/${itemId}/tag`).expect(200);
    return response.body.map((tag: { id: string }) => tag.id);
  }

  async function linkedCategoryIds(itemId: string): Promise<string[]> {
    const response = await t.as('admin').get(`/items/${itemId}/category`).expect(200);
    return response.body.map((category: { id: string }) => category.id);
  }

  async function listItems(user: TestUser, query: Record<string, string>): Promise<ListedLinks[]> {
    const response = await t.as(user).get('/items').query(query).expect(200);
    return response.body as ListedLinks[];
  }

  describe('authentication', () => {
    it.each([
      ['GET', '/items/1/tag'],
      ['POST', '/items/1/tag/1'],
      ['DELETE', '/items/1/tag/1'],
      ['GET', '/items/1/category'],
      ['POST', '/items/1/category/1'],
      ['DELETE', '/items/1/category/1'],
    ])('%s %s returns 401 without a token', async (method, path) => {
      const response = await t.anonymous[method.toLowerCase() as 'get'](path).expect(401);
      expect(response.body.code).toBe('unauthorized');
      expect(response.body.message).toMatch(/Authorization: Bearer/);
    });

    it('links nothing without a token', async () => {
      const itemId = await createItem('alice');
      const tagId = await createTag();
      await t.anonymous.post(`/items/${itemId}/tag/${tagId}`).expect(401);
      expect(await linkedTagIds(itemId)).toEqual([]);
    });
  });

  describe('GET /items/:itemId/tag', () => {
    it('nests the link row in each tag', async () => {
      const itemId = await createItem('alice');
      const tagName = uniqueName('cv');
      const tagId = await createTag({ name: tagName, color: '#0078d4', description: 'computer vision' });
      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      const response = await t.as('bob').get(`/items/${itemId}/tag`).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toHaveLength(1);
      const [tag] = response.body;
      expect(Object.keys(tag)).toEqual(['id', 'name', 'color', 'description', 'extras', 'createdAt', 'updatedAt', 'ItemTagRelation']);
      expect(tag).toMatchObject({ id: tagId, name: tagName, color: '#0078d4', description: 'computer vision', extras: null });
      expect(Object.keys(tag.ItemTagRelation)).toEqual(['createdAt', 'updatedAt', 'MarketplaceItemId', 'ItemTagId']);
      expect(tag.ItemTagRelation.MarketplaceItemId).toBe(itemId);
      expect(tag.ItemTagRelation.ItemTagId).toBe(tagId);
      expect(tag.ItemTagRelation.createdAt).toMatch(ISO_TIMESTAMP);
      expect(tag.ItemTagRelation.updatedAt).toMatch(ISO_TIMESTAMP);
    });

    it('returns an empty list for an untagged item', async () => {
      const itemId = await createItem('alice');
      const response = await t.as('alice').get(`/items/${itemId}/tag`).expect(200);
      expect(response.body).toEqual([]);
    });

    it('returns 404 for an item that does not exist', async () => {
      const response = await t.as('alice').get(`/items/${MISSING_ID}/tag`).expect(404);
      expect(response.body.code).toBe('item_not_found');
    });

    it('returns 404 for another user\'s private item', async () => {
      const itemId = await createItem('alice', { isPrivate: true, isPublic: false });
      const tagId = await createTag();
      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      const response = await t.as('bob').get(`/items/${itemId}/tag`).expect(404);
      expect(response.body.code).toBe('item_not_found');
      expect(response.text).not.toContain(tagId);
    });

    it('shows a private item\'s tags to its author and admins', async () => {
      const itemId = await createItem('alice', { isPrivate: true, isPublic: false });
      const tagId = await createTag();
      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      const own = await t.as('alice').get(`/items/${itemId}/tag`).expect(200);
      expect(own.body.map((tag: { id: string }) => tag.id)).toEqual([tagId]);
      const admin = await t.as('admin').get(`/items/${itemId}/tag`).expect(200);
      expect(admin.body.map((tag: { id: string }) => tag.id)).toEqual([tagId]);
    });

    it('shows a group item\'s tags only to members', async () => {
      const itemId = await createItem('admin', { isPublic: false, isPrivate: false, groupList: ['vision'] });

      await t.as('carol').get(`/items/${itemId}/tag`).expect(200);
      await t.as('bob').get(`/items/${itemId}/tag`).expect(404);
    });

    it('rejects an item id with markup', async () => {
      const response = await t.as('alice').get('/items/%3Cscript%3E/tag').expect(400);
      expect(response.body.code).toBe('invalid_path');
      expect(response.text).not.toContain('<script>');
    });
  });

  describe('POST /items/:itemId/tag/:tagId', () => {
    it('links a tag and returns the text added', async () => {
      const itemId = await createItem('alice');
      const tagId = await createTag();

      const response = await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('added');
      expect(await linkedTagIds(itemId)).toEqual([tagId]);
    });

    it('keeps one link when linking twice', async () => {
      const itemId = await createItem('alice');
      const tagId = await createTag();
      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);
      const first = await t.as('alice').get(`/items/${itemId}/tag`).expect(200);

      const response = await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);
      expect(response.text).toBe('added');

      const second = await t.as('alice').get(`/items/${itemId}/tag`).expect(200);
      expect(second.body).toEqual(first.body);
    });

    it('keeps one link from concurrent requests', async () => {
      const itemId = await createItem('alice');
      const tagId = await createTag();

      const responses = await Promise.all(Array.from({ length: 6 }, () => t.as('alice').post(`/items/${itemId}/tag/${tagId}`)));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(await linkedTagIds(itemId)).toEqual([tagId]);
    });

    it('links a tag with a short legacy id', async () => {
      const itemId = await createItem('alice');
      counter += 1;
      const tagId = String(counter);
      await t.dataSource.query(
        `INSERT INTO "ItemTags" (id, name, "createdAt", "updatedAt") VALUES ($1, $2, now(), now())`,
        [tagId, uniqueName('legacy')],
      );

      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);
      expect(await linkedTagIds(itemId)).toEqual([tagId]);
    });

    it('lets an admin tag another user\'s item', async () => {
      const itemId = await createItem('bob', { isPrivate: true, isPublic: false });
      const tagId = await createTag();

      await t.as('admin').post(`/items/${itemId}/tag/${tagId}`).expect(200);
      expect(await linkedTagIds(itemId)).toEqual([tagId]);
    });

    it('returns 403 for another user\'s public item', async () => {
      const itemId = await createItem('bob');
      const tagId = await createTag();

      const response = await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.code).toBe('item_edit_forbidden');
      expect(await linkedTagIds(itemId)).toEqual([]);
    });

    it('returns 403 for a group member who is not the author', async () => {
      const itemId = await createItem('admin', { isPublic: false, isPrivate: false, groupList: ['vision'] });
      const tagId = await createTag();

      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(403);
      expect(await linkedTagIds(itemId)).toEqual([]);
    });

    it('returns 404 for another user\'s private item', async () => {
      const itemId = await createItem('alice', { isPrivate: true, isPublic: false });
      const tagId = await createTag();

      const response = await t.as('bob').post(`/items/${itemId}/tag/${tagId}`).expect(404);
      expect(response.body.code).toBe('item_not_found');
      expect(await linkedTagIds(itemId)).toEqual([]);
    });

    it('returns 404 for an item that does not exist', async () => {
      const tagId = await createTag();
      const response = await t.as('admin').post(`/items/${MISSING_ID}/tag/${tagId}`).expect(404);
      expect(response.body.code).toBe('item_not_found');
    });

    it('returns 404 for a tag that does not exist', async () => {
      const itemId = await createItem('bob');
      const response = await t.as('bob').post(`/items/${itemId}/tag/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('tag_not_found');
      expect(await linkedTagIds(itemId)).toEqual([]);
    });

    it('rejects a tag id with a space', async () => {
      const itemId = await createItem('bob');
      const response = await t.as('bob').post(`/items/${itemId}/tag/two%20words`).expect(400);
      expect(response.body.code).toBe('invalid_path');
      expect(response.body.message).toContain('tagId');
    });
  });

  describe('DELETE /items/:itemId/tag/:tagId', () => {
    it('unlinks a tag and returns JSON "deleted"', async () => {
      const itemId = await createItem('bob');
      const tagId = await createTag();
      await t.as('bob').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      const response = await t.as('bob').delete(`/items/${itemId}/tag/${tagId}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.text).toBe('"deleted"');
      expect(response.body).toBe('deleted');
      expect(await linkedTagIds(itemId)).toEqual([]);
    });

    it('keeps the item\'s other tags', async () => {
      const itemId = await createItem('bob');
      const removedId = await createTag();
      const keptId = await createTag();
      await t.as('bob').post(`/items/${itemId}/tag/${removedId}`).expect(200);
      await t.as('bob').post(`/items/${itemId}/tag/${keptId}`).expect(200);

      await t.as('bob').delete(`/items/${itemId}/tag/${removedId}`).expect(200);
      expect(await linkedTagIds(itemId)).toEqual([keptId]);
    });

    it('keeps the tag itself', async () => {
      const itemId = await createItem('bob');
      const tagId = await createTag();
      await t.as('bob').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      await t.as('bob').delete(`/items/${itemId}/tag/${tagId}`).expect(200);
      await t.as('bob').get(`/tags/${tagId}`).expect(200);
    });

    it('returns deleted for an unlinked tag', async () => {
      const itemId = await createItem('bob');
      const tagId = await createTag();

      const response = await t.as('bob').delete(`/items/${itemId}/tag/${tagId}`).expect(200);
      expect(response.body).toBe('deleted');
    });

    it('returns 403 for another user and keeps the link', async () => {
      const itemId = await createItem('bob');
      const tagId = await createTag();
      await t.as('bob').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      const response = await t.as('alice').delete(`/items/${itemId}/tag/${tagId}`).expect(403);
      expect(response.body.code).toBe('item_edit_forbidden');
      expect(await linkedTagIds(itemId)).toEqual([tagId]);
    });

    it('returns 404 for another user\'s private item', async () => {
      const itemId = await createItem('alice', { isPrivate: true, isPublic: false });
      const tagId = await createTag();
      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      const response = await t.as('bob').delete(`/items/${itemId}/tag/${tagId}`).expect(404);
      expect(response.body.code).toBe('item_not_found');
      expect(await linkedTagIds(itemId)).toEqual([tagId]);
    });

    it('returns 404 for an item that does not exist', async () => {
      const tagId = await createTag();
      const response = await t.as('admin').delete(`/items/${MISSING_ID}/tag/${tagId}`).expect(404);
      expect(response.body.code).toBe('item_not_found');
    });
  });

  describe('GET /items/:itemId/category', () => {
    it('nests the link row in each category', async () => {
      const itemId = await createItem('alice');
      const categoryName = uniqueName('vision');
      const categoryId = await createCategory({ name: categoryName, description: 'Computer vision' });
      await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      const response = await t.as('bob').get(`/items/${itemId}/category`).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toHaveLength(1);
      const [category] = response.body;
      expect(Object.keys(category)).toEqual(['id', 'name', 'description', 'extras', 'createdAt', 'updatedAt', 'ItemCategoryRelation']);
      expect(category).toMatchObject({ id: categoryId, name: categoryName, description: 'Computer vision', extras: null });
      expect(Object.keys(category.ItemCategoryRelation)).toEqual(['createdAt', 'updatedAt', 'MarketplaceItemId', 'ItemCategoryId']);
      expect(category.ItemCategoryRelation.MarketplaceItemId).toBe(itemId);
      expect(category.ItemCategoryRelation.ItemCategoryId).toBe(categoryId);
      expect(category.ItemCategoryRelation.createdAt).toMatch(ISO_TIMESTAMP);
    });

    it('returns an empty list for an uncategorised item', async () => {
      const itemId = await createItem('alice');
      const response = await t.as('alice').get(`/items/${itemId}/category`).expect(200);
      expect(response.body).toEqual([]);
    });

    it('returns 404 for an item that does not exist', async () => {
      const response = await t.as('alice').get(`/items/${MISSING_ID}/category`).expect(404);
      expect(response.body.code).toBe('item_not_found');
    });

    it('returns 404 for another user\'s private item', async () => {
      const itemId = await createItem('alice', { isPrivate: true, isPublic: false });
      const categoryId = await createCategory();
      await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      const response = await t.as('bob').get(`/items/${itemId}/category`).expect(404);
      expect(response.body.code).toBe('item_not_found');
      expect(response.text).not.toContain(categoryId);
    });

    it('shows a group item\'s categories to a member', async () => {
      const itemId = await createItem('admin', { isPublic: false, isPrivate: false, groupList: ['vision'] });
      const categoryId = await createCategory();
      await t.as('admin').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      const response = await t.as('alice').get(`/items/${itemId}/category`).expect(200);
      expect(response.body.map((category: { id: string }) => category.id)).toEqual([categoryId]);
      await t.as('bob').get(`/items/${itemId}/category`).expect(404);
    });
  });

  describe('POST /items/:itemId/category/:categoryId', () => {
    it('links a category and returns the text added', async () => {
      const itemId = await createItem('alice');
      const categoryId = await createCategory();

      const response = await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toBe('added');
      expect(await linkedCategoryIds(itemId)).toEqual([categoryId]);
    });

    it('keeps one link when linking twice', async () => {
      const itemId = await createItem('alice');
      const categoryId = await createCategory();
      await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(200);
      const first = await t.as('alice').get(`/items/${itemId}/category`).expect(200);

      const response = await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(200);
      expect(response.text).toBe('added');

      const second = await t.as('alice').get(`/items/${itemId}/category`).expect(200);
      expect(second.body).toEqual(first.body);
    });

    it('returns 403 for another user\'s public item', async () => {
      const itemId = await createItem('bob');
      const categoryId = await createCategory();

      const response = await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(403);
      expect(response.body.code).toBe('item_edit_forbidden');
      expect(await linkedCategoryIds(itemId)).toEqual([]);
    });

    it('returns 404 for another user\'s private item', async () => {
      const itemId = await createItem('bob', { isPrivate: true, isPublic: false });
      const categoryId = await createCategory();

      const response = await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(404);
      expect(response.body.code).toBe('item_not_found');
      expect(await linkedCategoryIds(itemId)).toEqual([]);
    });

    it('returns 404 for an item that does not exist', async () => {
      const categoryId = await createCategory();
      const response = await t.as('admin').post(`/items/${MISSING_ID}/category/${categoryId}`).expect(404);
      expect(response.body.code).toBe('item_not_found');
    });

    it('returns 404 for a category that does not exist', async () => {
      const itemId = await createItem('bob');
      const response = await t.as('bob').post(`/items/${itemId}/category/${MISSING_ID}`).expect(404);
      expect(response.body.code).toBe('category_not_found');
      expect(await linkedCategoryIds(itemId)).toEqual([]);
    });
  });

  describe('DELETE /items/:itemId/category/:categoryId', () => {
    it('unlinks a category and returns JSON "deleted"', async () => {
      const itemId = await createItem('bob');
      const categoryId = await createCategory();
      await t.as('bob').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      const response = await t.as('bob').delete(`/items/${itemId}/category/${categoryId}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.text).toBe('"deleted"');
      expect(await linkedCategoryIds(itemId)).toEqual([]);
      await t.as('bob').get(`/categories/${categoryId}`).expect(200);
    });

    it('returns deleted for an unlinked category', async () => {
      const itemId = await createItem('bob');
      const categoryId = await createCategory();

      const response = await t.as('bob').delete(`/items/${itemId}/category/${categoryId}`).expect(200);
      expect(response.body).toBe('deleted');
    });

    it('returns 403 for another user and keeps the link', async () => {
      const itemId = await createItem('bob');
      const categoryId = await createCategory();
      await t.as('bob').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      const response = await t.as('alice').delete(`/items/${itemId}/category/${categoryId}`).expect(403);
      expect(response.body.code).toBe('item_edit_forbidden');
      expect(await linkedCategoryIds(itemId)).toEqual([categoryId]);
    });

    it('returns 404 for another user\'s private item', async () => {
      const itemId = await createItem('bob', { isPrivate: true, isPublic: false });
      const categoryId = await createCategory();
      await t.as('bob').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      await t.as('alice').delete(`/items/${itemId}/category/${categoryId}`).expect(404);
      expect(await linkedCategoryIds(itemId)).toEqual([categoryId]);
    });

    it('returns 404 for an item that does not exist', async () => {
      const categoryId = await createCategory();
      const response = await t.as('admin').delete(`/items/${MISSING_ID}/category/${categoryId}`).expect(404);
      expect(response.body.code).toBe('item_not_found');
    });
  });

  describe('official example category', () => {
    it('returns 403 when the author links it', async () => {
      const itemId = await createItem('alice');
      const officialId = await officialExampleId();

      const response = await t.as('alice').post(`/items/${itemId}/category/${officialId}`).expect(403);
      expect(response.body.code).toBe('official_example_admin_only');
      expect(await linkedCategoryIds(itemId)).toEqual([]);
      await t.as('alice').put(`/items/${itemId}`).send({ summary: 'still mine' }).expect(200);
    });

    it('lets an admin link it', async () => {
      const { itemId, officialId } = await lockedItem();
      expect(await linkedCategoryIds(itemId)).toEqual([officialId]);
    });

    it('returns 403 when the author updates the item', async () => {
      const { itemId } = await lockedItem();

      const response = await t.as('alice').put(`/items/${itemId}`).send({ summary: 'changed' }).expect(403);
      expect(response.body.code).toBe('item_edit_forbidden');
      expect(response.body.message).toContain(OFFICIAL_EXAMPLE);
      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.summary).toBe('A template by alice');
    });

    it('returns 403 when the author links a tag', async () => {
      const { itemId } = await lockedItem();
      const tagId = await createTag();

      const response = await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(403);
      expect(response.body.code).toBe('item_edit_forbidden');
      expect(await linkedTagIds(itemId)).toEqual([]);
    });

    it('returns 403 when the author unlinks a tag', async () => {
      const itemId = await createItem('alice');
      const tagId = await createTag();
      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);
      await t.as('admin').post(`/items/${itemId}/category/${await officialExampleId()}`).expect(200);

      await t.as('alice').delete(`/items/${itemId}/tag/${tagId}`).expect(403);
      expect(await linkedTagIds(itemId)).toEqual([tagId]);
    });

    it('returns 403 when the author unlinks it', async () => {
      const { itemId, officialId } = await lockedItem();

      await t.as('alice').delete(`/items/${itemId}/category/${officialId}`).expect(403);
      expect(await linkedCategoryIds(itemId)).toEqual([officialId]);
    });

    it('returns 403 when the author deletes the item', async () => {
      const { itemId } = await lockedItem();

      await t.as('alice').delete(`/items/${itemId}`).expect(403);
      await t.as('alice').get(`/items/${itemId}`).expect(200);
    });

    it('clears the author\'s permissions', async () => {
      const { itemId } = await lockedItem();

      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.permissions).toEqual({ edit: false, delete: false, share: false });
      const listed = (await listItems('alice', { author: 'alice' })).find((candidate) => candidate.id === itemId);
      expect(listed).toMatchObject({ permissions: { edit: false, delete: false, share: false } });
    });

    it('still lets an admin update the item', async () => {
      const { itemId } = await lockedItem();

      await t.as('admin').put(`/items/${itemId}`).send({ summary: 'curated' }).expect(200);
      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.summary).toBe('curated');
    });

    it('unlocks the item once an admin unlinks it', async () => {
      const { itemId, officialId } = await lockedItem();

      const response = await t.as('admin').delete(`/items/${itemId}/category/${officialId}`).expect(200);
      expect(response.body).toBe('deleted');
      expect(await linkedCategoryIds(itemId)).toEqual([]);

      await t.as('alice').put(`/items/${itemId}`).send({ summary: 'mine again' }).expect(200);
      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.summary).toBe('mine again');
      expect(item.body.permissions).toEqual({ edit: true, delete: true, share: true });
    });
  });

  describe('deleting a linked tag, category or item', () => {
    it('removes a deleted tag from its items', async () => {
      const tagName = uniqueName('doomed');
      const tagId = await createTag({ name: tagName });
      const keptId = await createTag();
      const itemId = await createItem('alice');
      await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);
      await t.as('alice').post(`/items/${itemId}/tag/${keptId}`).expect(200);

      await t.as('admin').delete(`/tags/${tagId}`).expect(200);

      expect(await linkedTagIds(itemId)).toEqual([keptId]);
      expect(await listItems('alice', { tag: tagName })).toEqual([]);
      const listed = (await listItems('alice', { author: 'alice' })).find((candidate) => candidate.id === itemId);
      expect(listed?.ItemTags.map((tag) => tag.id)).toEqual([keptId]);
    });

    it('removes a deleted category from its items', async () => {
      const categoryName = uniqueName('doomed');
      const categoryId = await createCategory({ name: categoryName });
      const itemId = await createItem('alice');
      await t.as('alice').post(`/items/${itemId}/category/${categoryId}`).expect(200);

      await t.as('admin').delete(`/categories/${categoryId}`).expect(200);

      expect(await linkedCategoryIds(itemId)).toEqual([]);
      expect(await listItems('alice', { category: categoryName })).toEqual([]);
    });

    it('unlocks an item when the official category is deleted', async () => {
      const { itemId, officialId } = await lockedItem();

      await t.as('admin').delete(`/categories/${officialId}`).expect(200);
      // Later tests create the category again.
      officialExample = undefined;

      await t.as('alice').put(`/items/${itemId}`).send({ summary: 'unlocked' }).expect(200);
      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.summary).toBe('unlocked');
    });

    it('returns 404 for the links of a deleted item', async () => {
      const itemId = await createItem('bob');
      const tagId = await createTag();
      await t.as('bob').post(`/items/${itemId}/tag/${tagId}`).expect(200);

      await t.as('bob').delete(`/items/${itemId}`).expect(200);

      await t.as('bob').get(`/items/${itemId}/tag`).expect(404);
      await t.as('bob').get(`/tags/${tagId}`).expect(200);
    });
  });

  describe('GET /items filtered by links', () => {
    /** Creates three tags and three items: one item with all three tags, one with the first only, one with the second only. */
    async function taggedItems() {
      const first = uniqueName('first');
      const second = uniqueName('second');
      const extra = uniqueName('extra');
      const firstId = await createTag({ name: first, color: '#111111' });
      const secondId = await createTag({ name: second });
      const extraId = await createTag({ name: extra, color: '#333333' });

      const both = await createItem('alice');
      const onlyFirst = await createItem('alice');
      const onlySecond = await createItem('bob');
      for (const [itemId, user, tagIds] of [
        [both, 'alice', [firstId, secondId, extraId]],
        [onlyFirst, 'alice', [firstId]],
        [onlySecond, 'bob', [secondId]],
      ] as const) {
        for (const tagId of tagIds) {
          await t.as(user).post(`/items/${itemId}/tag/${tagId}`).expect(200);
        }
      }
      return { first, second, extra, firstId, secondId, extraId, both, onlyFirst, onlySecond };
    }

    it('returns only items carrying every listed tag', async () => {
      const data = await taggedItems();

      const items = await listItems('carol', { tag: `${data.first},${data.second}` });
      expect(items.map((item) => item.id)).toEqual([data.both]);
    });

    it('trims spaces around listed tags', async () => {
      const data = await taggedItems();

      const items = await listItems('carol', { tag: ` ${data.first} , ${data.second} ` });
      expect(items.map((item) => item.id)).toEqual([data.both]);
    });

    it('returns every item carrying one tag', async () => {
      const data = await taggedItems();

      const items = await listItems('carol', { tag: data.first });
      expect(items.map((item) => item.id).sort()).toEqual([data.both, data.onlyFirst].sort());
    });

    it('lists all tags of a filtered item', async () => {
      const data = await taggedItems();

      const [item] = await listItems('carol', { tag: data.second, author: 'alice' });
      expect(item.id).toBe(data.both);
      expect(item.ItemTags).toHaveLength(3);
      expect(item.ItemTags).toEqual(
        expect.arrayContaining([
          { id: data.firstId, name: data.first, color: '#111111' },
          { id: data.secondId, name: data.second, color: null },
          { id: data.extraId, name: data.extra, color: '#333333' },
        ]),
      );
      expect(Object.keys(item.ItemTags[0])).toEqual(['id', 'name', 'color']);
    });

    it('returns nothing for an unknown tag', async () => {
      await taggedItems();
      expect(await listItems('carol', { tag: uniqueName('unknown') })).toEqual([]);
    });

    it('hides tagged items the caller cannot see', async () => {
      const tagName = uniqueName('hidden');
      const tagId = await createTag({ name: tagName });
      const privateId = await createItem('alice', { isPrivate: true, isPublic: false });
      await t.as('alice').post(`/items/${privateId}/tag/${tagId}`).expect(200);

      expect(await listItems('bob', { tag: tagName })).toEqual([]);
      const own = await listItems('alice', { tag: tagName });
      expect(own.map((item) => item.id)).toEqual([privateId]);
    });

    it('returns only items in the category', async () => {
      const categoryName = uniqueName('nlp');
      const otherName = uniqueName('other');
      const categoryId = await createCategory({ name: categoryName });
      const otherId = await createCategory({ name: otherName });
      const inside = await createItem('bob');
      const outside = await createItem('bob');
      await t.as('bob').post(`/items/${inside}/category/${categoryId}`).expect(200);
      await t.as('bob').post(`/items/${inside}/category/${otherId}`).expect(200);
      await t.as('bob').post(`/items/${outside}/category/${otherId}`).expect(200);

      const items = await listItems('alice', { category: categoryName });
      expect(items.map((item) => item.id)).toEqual([inside]);
      expect(items[0].ItemCategories).toEqual(
        expect.arrayContaining([
          { id: categoryId, name: categoryName },
          { id: otherId, name: otherName },
        ]),
      );
      expect(items[0].ItemCategories).toHaveLength(2);
    });

    it('returns only items in every listed category', async () => {
      const firstName = uniqueName('first');
      const secondName = uniqueName('second');
      const firstId = await createCategory({ name: firstName });
      const secondId = await createCategory({ name: secondName });
      const both = await createItem('bob');
      const firstOnly = await createItem('bob');
      await t.as('bob').post(`/items/${both}/category/${firstId}`).expect(200);
      await t.as('bob').post(`/items/${both}/category/${secondId}`).expect(200);
      await t.as('bob').post(`/items/${firstOnly}/category/${firstId}`).expect(200);

      const items = await listItems('alice', { category: `${firstName},${secondName}` });
      expect(items.map((item) => item.id)).toEqual([both]);
    });

    it('combines tag and category filters', async () => {
      const tagName = uniqueName('combo');
      const categoryName = uniqueName('combo');
      const tagId = await createTag({ name: tagName });
      const categoryId = await createCategory({ name: categoryName });
      const both = await createItem('alice');
      const tagOnly = await createItem('alice');
      await t.as('alice').post(`/items/${both}/tag/${tagId}`).expect(200);
      await t.as('alice').post(`/items/${both}/category/${categoryId}`).expect(200);
      await t.as('alice').post(`/items/${tagOnly}/tag/${tagId}`).expect(200);

      const items = await listItems('bob', { tag: tagName, category: categoryName });
      expect(items.map((item) => item.id)).toEqual([both]);
    });
  });
});
