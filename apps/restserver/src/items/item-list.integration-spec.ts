import { itemBody } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';

describe('GET /items filters', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function create(key: string, user: 'admin' | 'alice' | 'bob', overrides = {}): Promise<void> {
    const response = await t.as(user).post('/items').send(itemBody(user, overrides)).expect(201);
    ids[key] = response.body.id;
  }

  async function listIds(query: Record<string, string>, user: 'admin' | 'alice' | 'bob' = 'alice'): Promise<string[]> {
    const response = await t.as(user).get('/items').query(query).expect(200);
    return response.body.map((item: { id: string }) => item.id);
  }

  beforeAll(async () => {
    t = await startTestApp();
    await create('couplet', 'admin', { name: 'CoupletDemo', summary: 'Couplet generation' });
    await create('percent', 'bob', { name: 'Growth 100% model', type: 'data' });
    await create('underscore', 'bob', { name: 'bert_base', source: 'pai' });
    await create('bert', 'bob', { name: 'bert large', summary: 'BERT fine-tuning' });
    await create('private', 'bob', { name: 'bob secret', isPrivate: true });
    await create('old', 'alice', { name: 'Legacy caffe', type: 'old', summary: 'Old 50% example' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('returns 401 without a token', async () => {
    await t.anonymous.get('/items').expect(401);
  });

  it('answers a bare array with tags and categories on each item', async () => {
    const response = await t.as('alice').get('/items').expect(200);
    expect(Array.isArray(response.body)).toBe(true);
    expect(response.body[0]).toHaveProperty('ItemTags', []);
    expect(response.body[0]).toHaveProperty('ItemCategories', []);
  });

  it('matches keyword case-insensitively', async () => {
    expect(await listIds({ keyword: 'coupletdemo' })).toEqual([ids.couplet]);
  });

  it('matches % in keyword literally', async () => {
    expect(await listIds({ keyword: '%' })).toEqual(expect.arrayContaining([ids.percent, ids.old]));
    expect(await listIds({ keyword: '%' })).toHaveLength(2);
  });

  it('matches _ in keyword literally', async () => {
    expect(await listIds({ keyword: '_' })).toEqual([ids.underscore]);
    expect(await listIds({ keyword: 'b_rt' })).toEqual([]);
  });

  it('searches author and summary with keyword', async () => {
    expect(await listIds({ keyword: 'fine-TUNING' })).toEqual([ids.bert]);
    expect(await listIds({ keyword: 'ALIC' })).toEqual([ids.old]);
  });

  it('treats backslash and quote in keyword as text', async () => {
    expect(await listIds({ keyword: "\\' OR 1=1 --" })).toEqual([]);
  });

  it('filters by exact name and author', async () => {
    expect(await listIds({ name: 'bert large' })).toEqual([ids.bert]);
    expect(await listIds({ name: 'bert' })).toEqual([]);
    expect(await listIds({ author: 'bob' })).toEqual(expect.arrayContaining([ids.percent, ids.underscore, ids.bert]));
    expect(await listIds({ author: 'bob' })).not.toContain(ids.private);
  });

  it('filters by type, with all meaning no filter', async () => {
    expect(await listIds({ type: 'data' })).toEqual([ids.percent]);
    expect(await listIds({ type: 'old' })).toEqual([ids.old]);
    expect(await listIds({ type: 'all', author: 'admin' })).toEqual([ids.couplet]);
  });

  it('filters by source', async () => {
    expect(await listIds({ source: 'pai' })).toEqual([ids.underscore]);
  });

  it('rejects an unknown source with 400', async () => {
    const response = await t.as('alice').get('/items').query({ source: 'github' }).expect(400);
    expect(response.body.message).toContain('source');
  });

  it('rejects an unknown type with 400', async () => {
    const response = await t.as('alice').get('/items').query({ type: 'model' }).expect(400);
    expect(response.body.message).toContain('type');
  });

  it('rejects a repeated filter with 400', async () => {
    const response = await t.as('alice').get('/items?author=bob&author=alice').expect(400);
    expect(response.body.message).toContain('author');
  });

  it('rejects an over-long filter with 400 naming the limit', async () => {
    const response = await t.as('alice').get('/items').query({ keyword: 'x'.repeat(300) }).expect(400);
    expect(response.body.message).toContain('255');
  });

  it('ignores empty filters', async () => {
    const all = await listIds({});
    expect(await listIds({ name: '', author: '', keyword: '', tag: '', category: '' })).toEqual(all);
  });

  it('shows private items to their author and admins only', async () => {
    expect(await listIds({}, 'bob')).toContain(ids.private);
    expect(await listIds({}, 'admin')).toContain(ids.private);
    expect(await listIds({}, 'alice')).not.toContain(ids.private);
  });

  it('orders newest first', async () => {
    const response = await t.as('admin').get('/items').expect(200);
    const created = response.body.map((item: { createdAt: string }) => item.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
  });
});
