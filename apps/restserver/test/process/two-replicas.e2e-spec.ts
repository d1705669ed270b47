import { itemBody } from '../factories';
import { freePort } from '../free-port';
import { assertBuilt, call, startServer, stopStartedServers, waitUntilReady, type CallResult, type RunningServer } from './server-process';
import { TestPostgres } from './test-postgres';

/*
 * Two built servers on one PostgreSQL, as two replicas behind a load balancer. Requests of many
 * users alternate between them, so every race a replica could have with the other one happens
 * here for real: counters, edits of one item, and If-Match preconditions.
 */

const USERS = Array.from({ length: 24 }, (_, index) => `user${String(index + 1).padStart(2, '0')}`);
const DEV_USERS = JSON.stringify([{ username: 'admin', admin: true }, ...USERS.map((username) => ({ username }))]);

let postgres: TestPostgres;
let replicas: [RunningServer, RunningServer];
/** Every response of the spec, so that the last test can check that none failed because of the other replica. */
const responses: { replica: number; method: string; path: string; result: CallResult }[] = [];

beforeAll(async () => {
  assertBuilt();
  postgres = await TestPostgres.reserve();
  await postgres.start();
  const environment = { ...postgres.environment, DEV_USERS, SEED_EXAMPLES: 'false', RATE_LIMIT: '0' };
  // Both start at once on an empty database: the migration lock lets one create the schema.
  replicas = [startServer({ ...environment, PORT: String(await freePort()) }), startServer({ ...environment, PORT: String(await freePort()) })];
  await Promise.all(replicas.map((replica) => waitUntilReady(replica, 90_000)));
}, 180_000);

afterAll(async () => {
  await stopStartedServers();
  await postgres?.dispose();
}, 60_000);

/** Sends a request through replica 0 or 1 and records its response. */
async function via(replica: number, method: string, path: string, options: { user: string; body?: unknown; ifMatch?: string }): Promise<CallResult> {
  const headers = options.ifMatch ? { 'If-Match': options.ifMatch } : undefined;
  const result = await call(replicas[replica % 2], method, path, { user: options.user, body: options.body, headers, timeoutMs: 30_000 });
  responses.push({ replica: replica % 2, method, path, result });
  return result;
}

async function createItem(author: string): Promise<string> {
  const created = await via(0, 'POST', '/items', { user: author, body: itemBody(author) });
  expect(created.status).toBe(201);
  return (created.body as { id: string }).id;
}

async function readItem(replica: number, itemId: string): Promise<{ body: Record<string, unknown>; etag: string }> {
  const response = await via(replica, 'GET', `/items/${itemId}`, { user: 'admin' });
  expect(response.status).toBe(200);
  return { body: response.body as Record<string, unknown>, etag: response.headers.get('etag')! };
}

describe('two replicas on one database', () => {
  it('loses no star under concurrent stars and unstars', async () => {
    const itemId = await createItem('user01');

    // Each user stars twice at once, once through each replica: one star each must count.
    await Promise.all(USERS.flatMap((user, index) => [via(index, 'PUT', `/items/${itemId}/star`, { user }), via(index + 1, 'PUT', `/items/${itemId}/star`, { user })]));
    expect((await readItem(0, itemId)).body.starNumber).toBe(USERS.length);
    expect((await readItem(1, itemId)).body.starNumber).toBe(USERS.length);

    // Half of them take the star back, again twice at once, while the other half star again.
    const leaving = USERS.filter((_, index) => index % 2 === 0);
    const staying = USERS.filter((_, index) => index % 2 === 1);
    await Promise.all([
      ...leaving.flatMap((user, index) => [via(index, 'DELETE', `/items/${itemId}/star`, { user }), via(index + 1, 'DELETE', `/items/${itemId}/star`, { user })]),
      ...staying.map((user, index) => via(index, 'PUT', `/items/${itemId}/star`, { user })),
    ]);
    expect((await readItem(0, itemId)).body.starNumber).toBe(staying.length);
    expect((await readItem(1, itemId)).body.starNumber).toBe(staying.length);
  }, 60_000);

  it('counts one launch per user under concurrent uses', async () => {
    const itemId = await createItem('user02');

    const results = await Promise.all(USERS.flatMap((user, index) => [via(index, 'POST', `/items/${itemId}/use`, { user }), via(index + 1, 'POST', `/items/${itemId}/use`, { user })]));

    expect(results.filter((result) => (result.body as { counted?: boolean }).counted === true)).toHaveLength(USERS.length);
    expect((await readItem(0, itemId)).body.useNumber).toBe(USERS.length);
  }, 60_000);

  it('keeps concurrent edits of different fields', async () => {
    const itemId = await createItem('user03');

    for (let round = 1; round <= 10; round++) {
      const [summaryEdit, descriptionEdit] = await Promise.all([
        via(0, 'PUT', `/items/${itemId}`, { user: 'user03', body: { summary: `summary ${round}` } }),
        via(1, 'PUT', `/items/${itemId}`, { user: 'user03', body: { description: `description ${round}` } }),
      ]);
      expect(summaryEdit.status).toBe(200);
      expect(descriptionEdit.status).toBe(200);
      const { body } = await readItem(round, itemId);
      expect(body.summary).toBe(`summary ${round}`);
      expect(body.description).toBe(`description ${round}`);
    }
  }, 60_000);

  it('honours If-Match across replicas', async () => {
    const itemId = await createItem('user04');
    const first = await readItem(0, itemId);

    expect((await via(1, 'PUT', `/items/${itemId}`, { user: 'user04', body: { summary: 'through replica 1' }, ifMatch: first.etag })).status).toBe(200);
    const stale = await via(0, 'PUT', `/items/${itemId}`, { user: 'user04', body: { summary: 'lost' }, ifMatch: first.etag });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'precondition_failed', details: [{ field: 'If-Match' }] });
    const second = await readItem(0, itemId);
    expect(second.etag).not.toBe(first.etag);
    expect(second.body.summary).toBe('through replica 1');

    expect((await via(0, 'DELETE', `/items/${itemId}`, { user: 'user04', ifMatch: first.etag })).status).toBe(412);
    expect((await readItem(1, itemId)).body.id).toBe(itemId);
  }, 60_000);

  it('lets one of two edits with one tag through', async () => {
    const itemId = await createItem('user05');

    for (let round = 1; round <= 8; round++) {
      const { etag } = await readItem(round, itemId);
      const [viaFirst, viaSecond] = await Promise.all([
        via(0, 'PUT', `/items/${itemId}`, { user: 'user05', body: { summary: `first wins ${round}` }, ifMatch: etag }),
        via(1, 'PUT', `/items/${itemId}`, { user: 'user05', body: { summary: `second wins ${round}` }, ifMatch: etag }),
      ]);
      expect([viaFirst.status, viaSecond.status].sort()).toEqual([200, 412]);
      const expected = viaFirst.status === 200 ? `first wins ${round}` : `second wins ${round}`;
      expect((await readItem(round + 1, itemId)).body.summary).toBe(expected);
    }
  }, 60_000);

  it('serves mixed traffic without a failure', async () => {
    const itemId = await createItem('user06');
    const { etag } = await readItem(0, itemId);

    // Reads, stars, uses, copies and edits of one item by every user at once, over both replicas.
    await Promise.all(
      USERS.flatMap((user, index) => [
        via(index, 'GET', `/items/${itemId}`, { user }),
        via(index + 1, 'PUT', `/items/${itemId}/star`, { user }),
        via(index, 'POST', `/items/${itemId}/use`, { user }),
        via(index + 1, 'GET', '/items?keyword=template', { user }),
        via(index, 'POST', `/items/${itemId}/copy`, { user }),
        via(index + 1, 'PUT', `/items/${itemId}`, { user: 'user06', body: { summary: `edit by request ${index}` } }),
      ]),
    );
    const final = await readItem(1, itemId);
    expect(final.body.starNumber).toBe(USERS.length);
    expect(final.body.useNumber).toBe(USERS.length);
    expect(final.etag).not.toBe(etag);

    // Over the whole spec, only the 412s a test asked for are errors.
    const failed = responses.filter(({ result }) => result.status >= 400 && result.status !== 412);
    expect(failed.map(({ replica, method, path, result }) => ({ replica, method, path, status: result.status, body: result.body }))).toEqual([]);
    expect(responses.filter(({ replica }) => replica === 0).length).toBeGreaterThan(100);
    expect(responses.filter(({ replica }) => replica === 1).length).toBeGreaterThan(100);
  }, 60_000);
});
