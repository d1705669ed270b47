import { itemBody, jobProtocol } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/test-app';

describe('item revisions', () => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    id = (await t.as('alice').post('/items').send(itemBody('alice', { description: 'line one\nline two' })).expect(201)).body.id;
    await t.as('alice').put(`/items/${id}`).send({ summary: 'second summary' }).expect(200);
    await t.as('admin').put(`/items/${id}`).send({ description: 'line one\nline 2', protocol: jobProtocol('renamed_job') }).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(['/items/x/revisions', '/items/x/revisions/1', '/items/x/diff?from=1'])('GET %s returns 401 without a token', async (path) => {
    await t.anonymous.get(path).expect(401);
  });

  it('lists earlier states, newest first, with who replaced them', async () => {
    const response = await t.as('bob').get(`/items/${id}/revisions`).expect(200);
    expect(response.body.map((revision: { revision: number; changedBy: string }) => [revision.revision, revision.changedBy])).toEqual([
      [2, 'admin'],
      [1, 'alice'],
    ]);
  });

  it('returns one earlier state', async () => {
    const response = await t.as('bob').get(`/items/${id}/revisions/1`).expect(200);
    expect(response.body.item).toMatchObject({ summary: 'A template by alice', description: 'line one\nline two', author: 'alice' });
  });

  it('diffs protocol and description line by line', async () => {
    const response = await t.as('bob').get(`/items/${id}/diff`).query({ from: '1' }).expect(200);
    expect(response.body.description).toEqual([
      { op: ' ', line: 'line one' },
      { op: '-', line: 'line two' },
      { op: '+', line: 'line 2' },
    ]);
    expect(response.body.protocol).toContainEqual({ op: '+', line: 'name: renamed_job' });
    expect(response.body.changedFields).toEqual(['summary']);
  });

  it('returns 404 for a revision that does not exist', async () => {
    await t.as('bob').get(`/items/${id}/revisions/9`).expect(404);
  });

  it('rejects a malformed revision with 400', async () => {
    await t.as('bob').get(`/items/${id}/diff`).query({ from: 'yesterday' }).expect(400);
  });

  it('hides the history of an item the caller may not see', async () => {
    await t.as('alice').put(`/items/${id}`).send({ isPrivate: true }).expect(200);
    await t.as('bob').get(`/items/${id}/revisions`).expect(404);
    await t.as('bob').get(`/items/${id}/diff`).query({ from: '1' }).expect(404);
  });

  it('numbers revisions of concurrent edits without a clash', async () => {
    const other = (await t.as('bob').post('/items').send(itemBody('bob')).expect(201)).body.id;
    await Promise.all(Array.from({ length: 6 }, (_, index) => t.as('bob').put(`/items/${other}`).send({ summary: `edit ${index}` }).expect(200)));
    const revisions = (await t.as('bob').get(`/items/${other}/revisions`).expect(200)).body.map((revision: { revision: number }) => revision.revision);
    expect(revisions).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('keeps no revision for a refused change', async () => {
    const before = (await t.as('alice').get(`/items/${id}/revisions`).expect(200)).body.length;
    await t.as('alice').put(`/items/${id}`).send({ protocol: 'name: [' }).expect(400);
    expect((await t.as('alice').get(`/items/${id}/revisions`).expect(200)).body).toHaveLength(before);
  });

  it('keeps no revision for an edit that changes nothing', async () => {
    const before = (await t.as('alice').get(`/items/${id}`).expect(200)).body;
    const revisions = (await t.as('alice').get(`/items/${id}/revisions`).expect(200)).body.length;

    await t.as('alice').put(`/items/${id}`).send({ summary: before.summary, isPrivate: before.isPrivate, tags: before.tags }).expect(200);

    const after = (await t.as('alice').get(`/items/${id}`).expect(200)).body;
    expect(after.updatedAt).toBe(before.updatedAt);
    expect((await t.as('alice').get(`/items/${id}/revisions`).expect(200)).body).toHaveLength(revisions);
  });
});
