import { EXACT_TOTAL_LIMIT } from '@openpai-marketplace/shared-types';

import { itemBody, jobProtocol } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';
import { UNPAGED_BATCH_SIZE } from './item-listing';

/**
 * The listing at volume: the unpaged list read in batches, totals counted up to a limit, ranked
 * pages read tier by tier, and the counts reused between pages. Rows are inserted with SQL,
 * because thousands of items through the API would take minutes.
 */
describe('GET /items at volume', () => {
  let t: TestApp;
  const ITEM_COUNT = UNPAGED_BATCH_SIZE * 2 + 37;

  /** Inserts `count` public items named `<word> <n>` that all share one creation time to the microsecond. */
  async function insertItems(prefix: string, word: string, count: number, createdAt: string): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO "MarketplaceItems" (id, name, author, type, source, protocol, "createdAt", "updatedAt")
       SELECT $1 || lpad(n::text, 5, '0'), $2 || ' ' || n, 'carol', 'template', 'marketplace', $3, CAST($4 AS timestamptz), now()
       FROM generate_series(1, $5::int) n`,
      [prefix, word, jobProtocol(), createdAt, count],
    );
  }

  async function get(user: 'alice' | 'bob', query: Record<string, string>) {
    return (await t.as(user).get('/items').query(query).expect(200)).body;
  }

  beforeAll(async () => {
    t = await startTestApp({ SEED_EXAMPLES: 'false' });
    // Two groups a microsecond apart, so that a cursor rounded to the millisecond would lose rows.
    await insertItems('bulk-a-', 'bulkword', ITEM_COUNT - 500, '2026-01-01T00:00:00.000500Z');
    await insertItems('bulk-b-', 'bulkword', 500, '2026-01-01T00:00:00.000200Z');
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists every item once across batches', async () => {
    const response = await t.as('alice').get('/items').expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');

    const ids: string[] = response.body.map((item: { id: string }) => item.id);
    expect(ids).toHaveLength(ITEM_COUNT);
    expect(new Set(ids).size).toBe(ITEM_COUNT);
    // Newest first: the later group, then the earlier one, each by id.
    const expected = [
      ...Array.from({ length: ITEM_COUNT - 500 }, (_, index) => `bulk-a-${String(index + 1).padStart(5, '0')}`),
      ...Array.from({ length: 500 }, (_, index) => `bulk-b-${String(index + 1).padStart(5, '0')}`),
    ];
    expect(ids).toEqual(expected);
  });

  it('lists no match as []', async () => {
    const response = await t.as('alice').get('/items').query({ name: 'no such item' }).expect(200);
    expect(response.text).toBe('[]');
  });

  it('counts totals up to the limit', async () => {
    const many = await get('alice', { q: 'bulkword', limit: '10' });
    expect(many).toMatchObject({ total: EXACT_TOTAL_LIMIT, totalExact: false, nextOffset: 10 });

    const few = await get('alice', { name: 'bulkword 7', limit: '10' });
    expect(few).toMatchObject({ total: 2, totalExact: true, nextOffset: null });
  });

  it('pages past the counted total', async () => {
    const page = await get('alice', { limit: '100', offset: String(EXACT_TOTAL_LIMIT + 100) });
    expect(page.totalExact).toBe(false);
    expect(page.items).toHaveLength(100);
    expect(page.nextOffset).toBe(EXACT_TOTAL_LIMIT + 200);
  });

  it('pages ranked tiers without gaps', async () => {
    await t.as('bob').post('/items').send(itemBody('bob', { name: 'tierword', summary: 'exact' })).expect(201);
    await t.as('bob').post('/items').send(itemBody('bob', { name: 'Tierword tools', summary: 'in the name' })).expect(201);
    await t.as('bob').post('/items').send(itemBody('bob', { name: 'Tools', summary: 'tierword in the summary' })).expect(201);
    await t.as('bob').post('/items').send(itemBody('bob', { name: 'Other', description: 'tierword in the description' })).expect(201);

    const everything: { name: string }[] = await get('alice', { q: 'tierword' });
    expect(everything.map((item) => item.name)).toEqual(['tierword', 'Tierword tools', 'Tools', 'Other']);
    for (const size of [1, 2, 3]) {
      const names: string[] = [];
      for (let offset = 0; offset < everything.length; offset += size) {
        const page = await get('alice', { q: 'tierword', limit: String(size), offset: String(offset) });
        names.push(...page.items.map((item: { name: string }) => item.name));
      }
      expect(names).toEqual(everything.map((item) => item.name));
    }
  });

  it('counts a new item at once', async () => {
    const before = await get('alice', { q: 'freshword', limit: '5' });
    expect(before.total).toBe(0);
    await t.as('bob').post('/items').send(itemBody('bob', { name: 'freshword' })).expect(201);
    const after = await get('alice', { q: 'freshword', limit: '5' });
    expect(after.total).toBe(1);
  });

  it('keeps counts per caller', async () => {
    await t.as('bob').post('/items').send(itemBody('bob', { name: 'secretword', isPrivate: true, isPublic: false })).expect(201);
    const asBob = await get('bob', { q: 'secretword', limit: '5', facets: 'true' });
    const asAlice = await get('alice', { q: 'secretword', limit: '5', facets: 'true' });
    expect(asBob.total).toBe(1);
    expect(asAlice).toMatchObject({ total: 0, items: [], facets: { type: {}, tag: {} } });
  });
});

/**
 * The unpaged list reuses each item's serialised JSON until the item is edited. These cases
 * change an item in every way that must show in the next list, and compare the list entry with
 * what a fresh read of the item gives.
 */
describe('GET /items after changes to listed items', () => {
  let t: TestApp;
  let itemId: string;

  async function listed(user: 'alice' | 'bob' = 'alice'): Promise<Record<string, unknown> | undefined> {
    const items: Record<string, unknown>[] = (await t.as(user).get('/items').expect(200)).body;
    return items.find((item) => item.id === itemId);
  }

  async function expectListedAsRead(): Promise<void> {
    const entry = await listed();
    const { starred: _starred, ...read } = (await t.as('alice').get(`/items/${itemId}`).expect(200)).body;
    const tags: { id: string; name: string; color: string | null }[] = (await t.as('alice').get(`/items/${itemId}/tag`).expect(200)).body;
    const categories: { id: string; name: string }[] = (await t.as('alice').get(`/items/${itemId}/category`).expect(200)).body;
    expect(entry).toEqual({
      ...read,
      ItemTags: tags.map(({ id, name, color }) => ({ id, name, color })),
      ItemCategories: categories.map(({ id, name }) => ({ id, name })),
    });
  }

  beforeAll(async () => {
    t = await startTestApp({ SEED_EXAMPLES: 'false' });
    itemId = (await t.as('alice').post('/items').send(itemBody('alice', { name: 'cached item' })).expect(201)).body.id;
    await listed();
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows an edit', async () => {
    await t.as('alice').put(`/items/${itemId}`).send({ description: '# Changed\n\nNew text.', summary: 'changed' }).expect(200);
    await expectListedAsRead();
    expect((await listed())?.summary).toBe('changed');
  });

  it('shows stars and launches', async () => {
    await t.as('bob').put(`/items/${itemId}/star`).expect(200);
    await t.as('bob').post(`/items/${itemId}/use`).expect(200);
    await expectListedAsRead();
    expect(await listed()).toMatchObject({ starNumber: 1, useNumber: 1 });
  });

  it('shows linked, renamed and unlinked tags', async () => {
    const tagId = (await t.as('admin').post('/tags').send({ name: 'before-rename' }).expect(201)).body.id;
    await t.as('alice').post(`/items/${itemId}/tag/${tagId}`).expect(200);
    await expectListedAsRead();
    await t.as('admin').put(`/tags/${tagId}`).send({ name: 'after-rename' }).expect(200);
    await expectListedAsRead();
    expect((await listed())?.ItemTags).toEqual([expect.objectContaining({ name: 'after-rename' })]);
    await t.as('alice').delete(`/items/${itemId}/tag/${tagId}`).expect(200);
    await expectListedAsRead();
  });

  it('stops listing an item made private to others', async () => {
    expect(await listed('bob')).toBeDefined();
    await t.as('alice').put(`/items/${itemId}`).send({ isPrivate: true }).expect(200);
    expect(await listed('bob')).toBeUndefined();
    await expectListedAsRead();
  });

  it('stops listing a deleted item', async () => {
    await t.as('alice').delete(`/items/${itemId}`).expect(200);
    expect(await listed()).toBeUndefined();
  });
});
