import { itemBody } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';

describe('item ETag and If-Match', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function createItem(): Promise<string> {
    const response = await t.as('alice').post('/items').send(itemBody('alice')).expect(201);
    return response.body.id as string;
  }

  async function currentTag(itemId: string): Promise<string> {
    const response = await t.as('alice').get(`/items/${itemId}`).expect(200);
    return response.headers.etag as string;
  }

  describe('GET /items/:id', () => {
    it('sends a strong ETag', async () => {
      const itemId = await createItem();
      const tag = await currentTag(itemId);
      expect(tag).toMatch(/^"\d+"$/);
    });

    it('sends the same ETag to every reader', async () => {
      const itemId = await createItem();
      const forBob = await t.as('bob').get(`/items/${itemId}`).expect(200);
      expect(forBob.headers.etag).toBe(await currentTag(itemId));
    });

    it('changes the ETag on every edit', async () => {
      const itemId = await createItem();
      const tags = [await currentTag(itemId)];
      for (const summary of ['one', 'two', 'three']) {
        await t.as('alice').put(`/items/${itemId}`).send({ summary }).expect(200);
        tags.push(await currentTag(itemId));
      }
      expect(new Set(tags).size).toBe(4);
    });

    it('keeps the ETag when the item is starred or launched', async () => {
      const itemId = await createItem();
      const before = await currentTag(itemId);
      await t.as('bob').put(`/items/${itemId}/star`).expect(200);
      await t.as('bob').post(`/items/${itemId}/use`).expect(200);
      expect(await currentTag(itemId)).toBe(before);
    });

    it('answers 200 with the body despite a matching If-None-Match', async () => {
      const itemId = await createItem();
      const tag = await currentTag(itemId);
      const response = await t.as('alice').get(`/items/${itemId}`).set('If-None-Match', tag).expect(200);
      expect(response.body.id).toBe(itemId);
    });

    it('exposes ETag to cross-origin readers', async () => {
      const itemId = await createItem();
      const response = await t.as('alice').get(`/items/${itemId}`).set('Origin', 'http://portal.example.test').expect(200);
      expect(response.headers['access-control-expose-headers']).toContain('ETag');
    });

    it('sends no ETag on the list', async () => {
      await createItem();
      const response = await t.as('alice').get('/items').expect(200);
      expect(response.headers.etag).toBeUndefined();
    });
  });

  describe('PUT /items/:id', () => {
    it('applies a change when If-Match is current', async () => {
      const itemId = await createItem();
      await t.as('alice').put(`/items/${itemId}`).set('If-Match', await currentTag(itemId)).send({ summary: 'matched' }).expect(200);
      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.summary).toBe('matched');
    });

    it('returns 412 and changes nothing when If-Match is stale', async () => {
      const itemId = await createItem();
      const stale = await currentTag(itemId);
      await t.as('alice').put(`/items/${itemId}`).send({ summary: 'first edit' }).expect(200);
      const current = await currentTag(itemId);

      const response = await t.as('alice').put(`/items/${itemId}`).set('If-Match', stale).send({ summary: 'lost edit' }).expect(412);

      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body.code).toBe('precondition_failed');
      expect(response.body.message).toContain(current);
      expect(response.body.details).toEqual([{ field: 'If-Match', message: `expected ${current}` }]);
      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.summary).toBe('first edit');
      expect(item.headers.etag).toBe(current);
      const revisions = await t.as('alice').get(`/items/${itemId}/revisions`).expect(200);
      expect(revisions.body).toHaveLength(1);
    });

    it('accepts * and a list containing the current tag', async () => {
      const itemId = await createItem();
      await t.as('alice').put(`/items/${itemId}`).set('If-Match', '*').send({ summary: 'any' }).expect(200);
      const tag = await currentTag(itemId);
      await t.as('alice').put(`/items/${itemId}`).set('If-Match', `"1", ${tag}`).send({ summary: 'listed' }).expect(200);
    });

    it('rejects a weak tag with 412', async () => {
      const itemId = await createItem();
      const tag = await currentTag(itemId);
      await t.as('alice').put(`/items/${itemId}`).set('If-Match', `W/${tag}`).send({ summary: 'weak' }).expect(412);
    });

    it('rejects an unquoted tag with 412', async () => {
      const itemId = await createItem();
      const tag = await currentTag(itemId);
      await t.as('alice').put(`/items/${itemId}`).set('If-Match', tag.slice(1, -1)).send({ summary: 'bare' }).expect(412);
    });

    it('escapes markup from If-Match in the message', async () => {
      const itemId = await createItem();
      const response = await t.as('alice').put(`/items/${itemId}`).set('If-Match', '"<script>x</script>"').send({ summary: 'x' }).expect(412);
      expect(JSON.stringify(response.body)).not.toContain('<script>');
    });

    it('lets exactly one of two edits with one tag through', async () => {
      const itemId = await createItem();
      const tag = await currentTag(itemId);
      const [first, second] = await Promise.all([
        t.as('alice').put(`/items/${itemId}`).set('If-Match', tag).send({ summary: 'from first' }),
        t.as('alice').put(`/items/${itemId}`).set('If-Match', tag).send({ summary: 'from second' }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 412]);
      const winner = first.status === 200 ? 'from first' : 'from second';
      const item = await t.as('alice').get(`/items/${itemId}`).expect(200);
      expect(item.body.summary).toBe(winner);
    });

    it('still applies an edit sent without If-Match', async () => {
      const itemId = await createItem();
      await t.as('alice').put(`/items/${itemId}`).send({ summary: 'no precondition' }).expect(200);
    });

    it('answers 404 before 412 for an item the caller cannot see', async () => {
      const itemId = (await t.as('alice').post('/items').send(itemBody('alice', { isPrivate: true })).expect(201)).body.id;
      await t.as('bob').put(`/items/${itemId}`).set('If-Match', '"1"').send({ summary: 'x' }).expect(404);
    });
  });

  describe('DELETE /items/:id', () => {
    it('returns 412 and keeps the item when If-Match is stale', async () => {
      const itemId = await createItem();
      const stale = await currentTag(itemId);
      await t.as('alice').put(`/items/${itemId}`).send({ summary: 'changed' }).expect(200);

      const response = await t.as('alice').delete(`/items/${itemId}`).set('If-Match', stale).expect(412);

      expect(response.body.code).toBe('precondition_failed');
      await t.as('alice').get(`/items/${itemId}`).expect(200);
    });

    it('deletes when If-Match is current', async () => {
      const itemId = await createItem();
      const response = await t.as('alice').delete(`/items/${itemId}`).set('If-Match', await currentTag(itemId)).expect(200);
      expect(response.text).toBe('deleted');
      await t.as('alice').get(`/items/${itemId}`).expect(404);
    });
  });
});
