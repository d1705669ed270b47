import { itemBody } from '../factories';
import { freePort } from '../free-port';
import { assertBuilt, call, sleep, startServer, stopStartedServers, waitForStatus, waitUntilReady, type CallResult, type RunningServer } from './server-process';
import { TestPostgres } from './test-postgres';

/*
 * The built server against a PostgreSQL of the spec's own, which the spec starts late or stops
 * and starts again, as a database pod would be rescheduled. Bounds are generous because the
 * machine may be loaded; each is stated where it is used.
 */

/** Maximum time for one request, during an outage included. */
const REQUEST_BOUND_MS = 10_000;

/** Maximum wait for readiness once PostgreSQL accepts connections again. */
const RECOVERY_BOUND_MS = 30_000;

let postgres: TestPostgres | undefined;

afterEach(async () => {
  await stopStartedServers();
  await postgres?.dispose();
  postgres = undefined;
}, 60_000);

beforeAll(assertBuilt);

async function startAgainst(database: TestPostgres): Promise<RunningServer> {
  const server = startServer({
    PORT: String(await freePort()),
    ...database.environment,
    // Short waits between attempts, so that the server becomes ready soon after the database does.
    DB_CONNECT_RETRY_MAX_DELAY_MS: '1000',
    SEED_EXAMPLES: 'false',
  });
  return server;
}

describe('database unreachable at start', () => {
  it('serves health, then becomes ready when the database appears', async () => {
    postgres = await TestPostgres.reserve();
    const server = await startAgainst(postgres);

    await waitForStatus(server, '/healthz', 200, 30_000);
    // Wait for a second failed attempt, which shows the server retries rather than gives up.
    const deadline = Date.now() + 30_000;
    let readiness = await call(server, 'GET', '/readyz');
    while (!/attempt [2-9]/.test(String((readiness.body as { message?: string }).message)) && Date.now() < deadline) {
      await sleep(200);
      readiness = await call(server, 'GET', '/readyz');
    }
    expect(readiness.status).toBe(503);
    expect(readiness.body).toMatchObject({ code: 'not_ready', details: [{ field: 'database' }] });
    const readinessMessage = (readiness.body as { message: string }).message;
    expect(readinessMessage).toContain('database unreachable');
    expect(readinessMessage).toContain('ECONNREFUSED');
    expect(readinessMessage).toMatch(/attempt [2-9]\d* failed; next attempt in \d+ s/);

    const api = await call(server, 'GET', '/items', { user: 'alice' });
    expect(api.status).toBe(503);
    expect(api.body).toMatchObject({ code: 'database_unavailable', details: [{ field: 'database' }] });
    expect((api.body as { message: string }).message).toContain('retry');
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call(server, 'GET', '/auth/me', { user: 'alice' })).status).toBe(200);

    const log = server.output.join('');
    expect(log).toMatch(/database unreachable: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(127\.0\.0\.1:\d+\/postgres as marketplace, attempt 1\); retrying in 1 s/);
    expect(log).toContain('Check that PostgreSQL is running');
    expect(log).not.toContain(postgres.password);

    await postgres.start();
    const databaseUpAt = Date.now();
    await waitUntilReady(server, RECOVERY_BOUND_MS);
    expect(Date.now() - databaseUpAt).toBeLessThan(RECOVERY_BOUND_MS);

    expect((await call(server, 'POST', '/tags', { user: 'admin', body: { name: 'after-outage' } })).status).toBe(201);
    expect((await call(server, 'GET', '/items', { user: 'alice' })).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    expect(server.output.join('')).toContain('connected to the database at');
    expect(server.output.join('')).not.toContain(postgres.password);
  }, 180_000);
});

describe('database restarted under traffic', () => {
  it('answers 503 during the outage and recovers by itself', async () => {
    postgres = await TestPostgres.reserve();
    await postgres.start();
    const server = await startAgainst(postgres);
    await waitUntilReady(server);
    const created = await call(server, 'POST', '/items', { user: 'alice', body: itemBody('alice') });
    expect(created.status).toBe(201);
    const itemId = (created.body as { id: string }).id;

    // Three clients send requests one after another until stopTraffic is set (or 3000 requests in all).
    let stopTraffic = false;
    const results: (CallResult | { error: string; startedAt: number })[] = [];
    const requests = [
      () => call(server, 'GET', `/items/${itemId}`, { user: 'bob', timeoutMs: REQUEST_BOUND_MS }),
      () => call(server, 'GET', '/items?keyword=template', { user: 'alice', timeoutMs: REQUEST_BOUND_MS }),
      () => call(server, 'PUT', `/items/${itemId}/star`, { user: 'bob', timeoutMs: REQUEST_BOUND_MS }),
    ];
    const client = async (send: () => Promise<CallResult>) => {
      while (!stopTraffic && results.length < 3000) {
        const startedAt = Date.now();
        results.push(await send().catch((error: Error) => ({ error: `${error.name}: ${error.message}`, startedAt })));
        await sleep(20);
      }
    };
    const traffic = Promise.all(requests.map(client));

    await sleep(1500);
    await postgres.stop();
    const downAt = Date.now();
    await sleep(3000);
    const readinessDuringOutage = await call(server, 'GET', '/readyz');
    await postgres.start();
    const upAt = Date.now();
    await waitUntilReady(server, RECOVERY_BOUND_MS);
    const readyAt = Date.now();
    await sleep(1500);
    stopTraffic = true;
    await traffic;

    expect(readinessDuringOutage.status).toBe(503);
    expect((readinessDuringOutage.body as { message: string }).message).toContain('the database does not respond');

    const unanswered = results.filter((result) => 'error' in result);
    expect(unanswered).toEqual([]);
    const answered = results as CallResult[];
    const slowest = Math.max(...answered.map((result) => result.durationMs));
    expect(slowest).toBeLessThan(REQUEST_BOUND_MS);

    const failures = answered.filter((result) => result.status !== 200);
    expect(failures.filter((result) => result.status !== 503).map(({ status, body }) => ({ status, body }))).toEqual([]);
    for (const failure of failures) {
      expect(failure.body).toMatchObject({ code: 'database_unavailable', message: expect.stringContaining('database') });
    }

    const duringOutage = answered.filter((result) => result.startedAt > downAt + 200 && result.startedAt + result.durationMs < upAt);
    expect(duringOutage.length).toBeGreaterThan(10);
    expect(duringOutage.filter((result) => result.status !== 503)).toEqual([]);

    const afterRecovery = answered.filter((result) => result.startedAt > readyAt);
    expect(afterRecovery.length).toBeGreaterThan(10);
    expect(afterRecovery.filter((result) => result.status !== 200)).toEqual([]);
    expect(server.process.exitCode).toBeNull();
  }, 240_000);
});
