import { itemBody } from '../../test/factories';
import { startTestApp, type TestApp, type TestUser } from '../../test/test-app';

describe('GET /items search, paging and facets', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function create(key: string, user: TestUser, overrides: Record<string, unknown>): Promise<void> {
    ids[key] = (await t.as(user).post('/items').send(itemBody(user, overrides)).expect(201)).body.id;
  }

  async function search(query: Record<string, string>, user: TestUser = 'alice') {
    return (await t.as(user).get('/items').query(query).expect(200)).body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await create('exact', 'alice', { name: 'Segmentation', summary: 'exact name' });
    await create('inName', 'alice', { name: 'Semantic segmentation with UNet', summary: 'name match' });
    await create('inSummary', 'bob', { name: 'Vision toolkit', summary: 'Segmentation helpers for images' });
    await create('inDescription', 'bob', { name: 'Misc', summary: 'other', description: '# Notes\n\nMentions segmentation once.' });
    await create('privateMatch', 'bob', { name: 'Secret segmentation', isPrivate: true, type: 'data' });
    await create('tensorflow', 'carol', { name: 'Tensorflow', summary: 'framework' });
    const tag = (await t.as('admin').post('/tags').send({ name: 'quantum' }).expect(201)).body.id;
    await create('tagged', 'carol', { name: 'Circuit simulator', summary: 'no keyword here' });
    await t.as('carol').post(`/items/${ids.tagged}/tag/${tag}`).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('returns 401 without a token', async () => {
    await t.anonymous.get('/items').query({ q: 'segmentation' }).expect(401);
  });

  it('ranks exact name, then name, summary and description', async () => {
    const results: { id: string }[] = await search({ q: 'segmentation' });
    expect(results.map((item) => item.id)).toEqual([ids.exact, ids.inName, ids.inSummary, ids.inDescription]);
  });

  it('matches word prefixes', async () => {
    const results: { id: string }[] = await search({ q: 'segment' });
    expect(results.map((item) => item.id)).toContain(ids.inName);
  });

  it('tolerates a small typo in a name', async () => {
    const results: { id: string }[] = await search({ q: 'tensorflw' });
    expect(results.map((item) => item.id)).toContain(ids.tensorflow);
  });

  it('finds items by linked tag', async () => {
    const results: { id: string }[] = await search({ q: 'quantum' });
    expect(results.map((item) => item.id)).toEqual([ids.tagged]);
  });

  it('never counts an item the caller may not see', async () => {
    const alice = await search({ q: 'segmentation', limit: '10', facets: 'true' });
    expect(alice.total).toBe(4);
    expect(alice.facets.type).toEqual({ template: 4 });
    const bob = await search({ q: 'segmentation', limit: '10', facets: 'true' }, 'bob');
    expect(bob.total).toBe(5);
    expect(bob.facets.type).toEqual({ template: 4, data: 1 });
  });

  it('pages with a total and the next offset', async () => {
    const first = await search({ q: 'segmentation', limit: '3' });
    expect(first).toMatchObject({ total: 4, limit: 3, offset: 0, nextOffset: 3 });
    const second = await search({ q: 'segmentation', limit: '3', offset: '3' });
    expect(second).toMatchObject({ total: 4, nextOffset: null });
    expect([...first.items, ...second.items].map((item: { id: string }) => item.id)).toEqual([ids.exact, ids.inName, ids.inSummary, ids.inDescription]);
  });

  it('rejects a page over the maximum, naming it', async () => {
    const response = await t.as('alice').get('/items').query({ limit: '101' }).expect(400);
    expect(response.body.message).toContain('100');
  });

  it('counts facets of tags and sources', async () => {
    const page = await search({ limit: '1', facets: 'true', author: 'carol' });
    expect(page.facets.tag).toEqual({ quantum: 1 });
    expect(page.facets.source).toEqual({ marketplace: 2 });
  });

  it('sorts by stars', async () => {
    await t.as('bob').put(`/items/${ids.inSummary}/star`).expect(200);
    const results: { id: string }[] = await search({ sort: 'stars', limit: '1' }).then((page) => page.items);
    expect(results[0].id).toBe(ids.inSummary);
  });

  it('keeps the bare array without paging parameters', async () => {
    expect(Array.isArray(await search({ q: 'segmentation', sort: 'newest' }))).toBe(true);
  });
});
