import { itemBody } from '../../test/factories';
import { startTestApp, type TestApp, type TestUser } from '../../test/test-app';

describe('stars, uses and copies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function createItem(user: TestUser, overrides = {}): Promise<string> {
    return (await t.as(user).post('/items').send(itemBody(user, overrides)).expect(201)).body.id as string;
  }

  it.each([
    ['PUT', '/items/x/star'],
    ['DELETE', '/items/x/star'],
    ['GET', '/stars'],
    ['POST', '/items/x/use'],
    ['POST', '/items/x/copy'],
  ])('%s %s returns 401 without a token', async (method, path) => {
    await t.anonymous[method.toLowerCase() as 'get'](path).expect(401);
  });

  it('counts every user\'s star exactly once under concurrent requests', async () => {
    const id = await createItem('alice');
    const users: TestUser[] = ['admin', 'alice', 'bob', 'carol'];
    // Each user stars five times at once: four stars must result, whatever the interleaving.
    await Promise.all(users.flatMap((user) => Array.from({ length: 5 }, () => t.as(user).put(`/items/${id}/star`).expect(200))));

    const item = await t.as('bob').get(`/items/${id}`).expect(200);
    expect(item.body.starNumber).toBe(4);
    const rows = await t.dataSource.query('SELECT count(*)::int AS count FROM "StarRelation" WHERE "MarketplaceItemId" = $1', [id]);
    expect(rows[0].count).toBe(4);
  });

  it('unstars, never below zero', async () => {
    const id = await createItem('alice');
    await t.as('bob').put(`/items/${id}/star`).expect(200);
    const first = await t.as('bob').delete(`/items/${id}/star`).expect(200);
    expect(first.body).toEqual({ starred: false, starNumber: 0 });
    const again = await t.as('bob').delete(`/items/${id}/star`).expect(200);
    expect(again.body.starNumber).toBe(0);
  });

  it('lists the caller\'s starred items they can still see', async () => {
    const visible = await createItem('alice');
    const hidden = await createItem('alice');
    await t.as('carol').put(`/items/${visible}/star`).expect(200);
    await t.as('carol').put(`/items/${hidden}/star`).expect(200);
    await t.as('alice').put(`/items/${hidden}`).send({ isPrivate: true }).expect(200);

    const starred = (await t.as('carol').get('/stars').expect(200)).body.map((item: { id: string }) => item.id);
    expect(starred[0]).toBe(visible);
    expect(starred).not.toContain(hidden);
  });

  it('refuses to star an item the caller cannot see', async () => {
    const id = await createItem('alice', { isPrivate: true });
    await t.as('bob').put(`/items/${id}/star`).expect(404);
    await t.as('bob').post(`/items/${id}/use`).expect(404);
    await t.as('bob').post(`/items/${id}/copy`).expect(404);
  });

  it('counts a user\'s launches once per window', async () => {
    const id = await createItem('alice');
    const first = await t.as('bob').post(`/items/${id}/use`).expect(200);
    expect(first.body).toEqual({ counted: true, useNumber: 1 });
    const repeat = await t.as('bob').post(`/items/${id}/use`).expect(200);
    expect(repeat.body).toEqual({ counted: false, useNumber: 1 });
    const other = await t.as('carol').post(`/items/${id}/use`).expect(200);
    expect(other.body).toEqual({ counted: true, useNumber: 2 });

    await t.dataSource.query(`UPDATE "ItemUses" SET "countedAt" = now() - interval '2 hours' WHERE "MarketplaceItemId" = $1 AND "UserName" = 'bob'`, [id]);
    const later = await t.as('bob').post(`/items/${id}/use`).expect(200);
    expect(later.body).toEqual({ counted: true, useNumber: 3 });
  });

  it('counts concurrent launches by one user once', async () => {
    const id = await createItem('alice');
    const results = await Promise.all(Array.from({ length: 8 }, () => t.as('bob').post(`/items/${id}/use`).expect(200)));
    expect(results.filter((result) => result.body.counted)).toHaveLength(1);
    expect((await t.as('bob').get(`/items/${id}`).expect(200)).body.useNumber).toBe(1);
  });

  it('copies a visible item into a private item of the caller', async () => {
    const id = await createItem('alice', { name: 'Original', summary: 'to copy' });
    const tag = (await t.as('alice').post('/tags').send({ name: 'copied-tag' }).expect(201)).body.id;
    await t.as('alice').post(`/items/${id}/tag/${tag}`).expect(200);

    const copy = await t.as('bob').post(`/items/${id}/copy`).expect(201);
    const item = await t.as('bob').get(`/items/${copy.body.id}`).expect(200);
    expect(item.body).toMatchObject({ name: 'Original', summary: 'to copy', author: 'bob', isPrivate: true, isPublic: false, copiedFrom: id, starNumber: 0, useNumber: 0 });
    expect(item.body.permissions.edit).toBe(true);
    await t.as('alice').get(`/items/${copy.body.id}`).expect(404);
    const tags = await t.as('bob').get(`/items/${copy.body.id}/tag`).expect(200);
    expect(tags.body.map((linked: { name: string }) => linked.name)).toEqual(['copied-tag']);
  });

  it('keeps the copy when its source is deleted', async () => {
    const id = await createItem('alice');
    const copy = (await t.as('bob').post(`/items/${id}/copy`).expect(201)).body.id;
    await t.as('alice').delete(`/items/${id}`).expect(200);
    const item = await t.as('bob').get(`/items/${copy}`).expect(200);
    expect(item.body.copiedFrom).toBe(id);
  });

  describe('on an item deleted after it was found', () => {
    /**
     * Sends a request while another transaction holds the item's row, waits until the request is
     * blocked on it, then deletes the item: the request found the item but writes after it is gone.
     */
    async function raceWithDelete(send: (id: string) => Promise<{ status: number; body: { code?: string } }>) {
      const id = await createItem('alice');
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await holder.query('SELECT 1 FROM "MarketplaceItems" WHERE id = $1 FOR UPDATE', [id]);
        const response = send(id);
        await waitForLockWait();
        await holder.query('DELETE FROM "MarketplaceItems" WHERE id = $1', [id]);
        await holder.commitTransaction();
        return await response;
      } finally {
        await holder.release();
      }
    }

    async function waitForLockWait(): Promise<void> {
      for (let attempt = 0; attempt < 100; attempt++) {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (waiting > 0) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the request never waited for the held row');
    }

    it('answers 404 to a star', async () => {
      const response = await raceWithDelete((id) => t.as('bob').put(`/items/${id}/star`).then((r) => r));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('item_not_found');
    });

    it('answers 404 to a launch', async () => {
      const response = await raceWithDelete((id) => t.as('bob').post(`/items/${id}/use`).then((r) => r));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('item_not_found');
    });
  });
});
