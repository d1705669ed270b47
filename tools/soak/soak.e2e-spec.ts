import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * Runs `tools/soak/run-soak.mjs` as `npm run soak` does, for a few seconds at a low rate, and
 * reads the reports it writes. The stack it starts runs dist/apps/restserver/main.js, which
 * `npm test` builds before the e2e specs.
 */
const ROOT = resolve(__dirname, '../..');
const SOAK = join(ROOT, 'tools/soak/run-soak.mjs');
const MAIN = join(ROOT, 'dist/apps/restserver/main.js');

interface SoakRun {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

interface SoakReport {
  verdict: { passed: boolean; line: string };
  configuration: { rate: number; startedServer: boolean };
  run: { stoppedBy: string };
  totals: { requests: number; errors: number; expected404: number; errorsByStatus: Record<string, number> };
  errors: { kind: string; count: number; examples: { request: string; status: number | string }[] }[];
  operations: { operation: string; requests: number }[];
  windows: { requests: number; p50Ms: number | null; serverRssMb: number | null }[];
  memory: { measured: boolean; source?: string; startMb?: number; endMb?: number; note: string };
  cleanUp: { failures: number } | null;
}

/** Every soak a test started, so that a failing test cannot leave one running. */
const started: ChildProcess[] = [];
const reportDirectories: string[] = [];

function startSoak(args: string[]): SoakRun {
  const reportDir = mkdtempSync(join(tmpdir(), 'marketplace-soak-'));
  reportDirectories.push(reportDir);
  const child = spawn(process.execPath, [SOAK, '--report-dir', reportDir, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const run: SoakRun = { child, stdout: [], stderr: [], exited: new Promise((done) => child.once('exit', (code) => done(code))) };
  child.stdout?.on('data', (chunk: Buffer) => run.stdout.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => run.stderr.push(chunk.toString()));
  return run;
}

/** Reads the markdown path the soak printed and the JSON report next to it. */
function readReports(run: SoakRun): { markdown: string; json: SoakReport } {
  const markdownPath = run.stdout.join('').trim().split('\n').pop() ?? '';
  expect(markdownPath).toMatch(/soak-.+\.md$/);
  const jsonPath = markdownPath.replace(/\.md$/, '.json');
  expect(existsSync(jsonPath)).toBe(true);
  return { markdown: readFileSync(markdownPath, 'utf8'), json: JSON.parse(readFileSync(jsonPath, 'utf8')) as SoakReport };
}

function processExists(pid: number): boolean {
  return existsSync(`/proc/${pid}`);
}

function serverPid(report: SoakReport): number {
  return Number(/pid (\d+)/.exec(report.memory.source ?? '')?.[1]);
}

async function waitForOutput(run: SoakRun, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.stderr.join(''))) {
    if (Date.now() > deadline || run.child.exitCode !== null) {
      throw new Error(`soak output never matched ${pattern}:\n${run.stderr.join('')}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

type Send = (status: number, body: unknown) => void;

/**
 * Starts a stand-in for the REST server on 127.0.0.1. It handles the soak's set-up requests (one
 * development user, tags and items created with made-up ids) itself. Every other request goes to
 * `handle`, so that a test controls what the load phase gets.
 */
async function startFakeApi(handle: (method: string, path: string, send: Send) => void): Promise<{ server: Server; url: string }> {
  let nextId = 0;
  const server = createServer((request, response) => {
    const send: Send = (status, body) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    if (path === '/auth/dev-users') {
      send(200, [{ username: 'alice', admin: false, groups: ['default'], token: 'dev-token-alice' }]);
    } else if (path === '/auth/me') {
      send(200, { username: 'alice', admin: false, groups: ['default'] });
    } else if (method === 'POST' && (path === '/tags' || path === '/items')) {
      nextId += 1;
      send(201, { id: `fake-${nextId}` });
    } else {
      handle(method, path, send);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stopFakeApi(fake: { server: Server }): Promise<void> {
  fake.server.closeAllConnections();
  await new Promise((done) => fake.server.close(done));
}

/** Returns 404 for every item read and 500 for every other request. */
function failEveryRequest(method: string, path: string, send: Send): void {
  if (method === 'GET' && /^\/items\/[^/?]+$/.test(path)) {
    send(404, { code: 'item_not_found', message: 'no such item' });
  } else {
    send(500, { code: 'internal_error', message: 'failure injected by the test' });
  }
}

/**
 * Holds every request about an item until the soak deletes that item, then returns 404 for it,
 * so that each 404 the soak gets follows its own delete. Lists return empty results.
 */
function holdItemRequestsUntilDeleted(): (method: string, path: string, send: Send) => void {
  const deleted = new Set<string>();
  const held = new Map<string, Send[]>();
  return (method, path, send) => {
    const itemId = /^\/items\/([^/?]+)/.exec(path)?.[1];
    if (!itemId) {
      send(200, path.includes('limit=') ? { items: [], total: 0, limit: 20, offset: 0, nextOffset: null } : []);
    } else if (method === 'DELETE' && path === `/items/${itemId}`) {
      deleted.add(itemId);
      for (const waiting of held.get(itemId) ?? []) {
        waiting(404, { code: 'item_not_found', message: 'no such item' });
      }
      held.delete(itemId);
      send(200, 'deleted');
    } else if (deleted.has(itemId)) {
      send(404, { code: 'item_not_found', message: 'no such item' });
    } else {
      held.set(itemId, [...(held.get(itemId) ?? []), send]);
    }
  };
}

describe('soak', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) {
      throw new Error(`${MAIN} is missing: build it with "npx nx run restserver:build" (npm test does this first)`);
    }
  });

  // SIGINT lets a soak stop the server it started; SIGKILL only if it does not exit.
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        continue;
      }
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    for (const directory of reportDirectories.splice(0)) {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it('reports a clean run of the started stack', async () => {
    const run = startSoak(['--duration', '12s', '--rate', '5']);

    expect(await run.exited).toBe(0);
    const { markdown, json } = readReports(run);

    // An open model sends every request on schedule: 12 s at 5 per second.
    expect(json.totals.requests).toBe(60);
    expect(json.totals.errors).toBe(0);
    expect(json.verdict.passed).toBe(true);
    expect(json.run.stoppedBy).toBe('duration');
    expect(json.operations.map((row) => row.operation)).toEqual(expect.arrayContaining(['create item', 'get item', 'list page']));
    expect(json.windows.length).toBeGreaterThanOrEqual(8);
    expect(json.windows.reduce((sum, window) => sum + window.requests, 0)).toBe(60);
    expect(json.windows.every((window) => (window.serverRssMb ?? 0) > 0)).toBe(true);
    expect(json.memory.measured).toBe(true);
    expect(json.memory.startMb).toBeGreaterThan(0);
    expect(json.memory.endMb).toBeGreaterThan(0);
    expect(markdown).toContain('**PASS: 0 errors in 60 requests');
    expect(markdown).toMatch(/MB at the start \(after set-up, before the load\), [\d.]+ MB at the end/);
    expect(processExists(serverPid(json))).toBe(false);
  }, 180_000);

  it('writes a partial report on SIGINT', async () => {
    const run = startSoak(['--duration', '10m', '--rate', '5', '--window', '2s']);
    await waitForOutput(run, /\[\s*[\d.]+ s\] \d+ requests/, 120_000);

    run.child.kill('SIGINT');

    expect(await run.exited).toBe(130);
    const { markdown, json } = readReports(run);
    expect(json.run.stoppedBy).toBe('SIGINT');
    expect(json.totals.requests).toBeGreaterThan(0);
    expect(json.totals.errors).toBe(0);
    expect(markdown).toContain('partial run: stopped by SIGINT');
    expect(processExists(serverPid(json))).toBe(false);
  }, 180_000);

  it('counts server errors and fails', async () => {
    const failing = await startFakeApi(failEveryRequest);
    try {
      // 90 requests, so that at least one is an item read (one in eight of the mix) all but surely.
      const run = startSoak(['--base-url', failing.url, '--duration', '3s', '--rate', '30']);

      expect(await run.exited).toBe(1);
      const { markdown, json } = readReports(run);
      expect(json.configuration.startedServer).toBe(false);
      expect(json.verdict.passed).toBe(false);
      expect(json.totals.errorsByStatus['500']).toBeGreaterThan(0);
      const serverErrors = json.errors.filter((error) => error.kind.endsWith(': HTTP 500'));
      expect(serverErrors.length).toBeGreaterThan(0);
      expect(serverErrors[0].examples[0].status).toBe(500);
      const unexplained404 = json.errors.find((error) => error.kind === 'get item: HTTP 404 for an item the soak had not deleted');
      expect(unexplained404?.examples[0].request).toMatch(/^GET \/items\/fake-\d+$/);
      expect(json.memory.measured).toBe(false);
      expect(markdown).toContain('**FAIL:');
      expect(markdown).toContain('Not measured: the soak aimed at a server it did not start');
    } finally {
      await stopFakeApi(failing);
    }
  }, 60_000);

  it('expects 404 after its own delete', async () => {
    const fake = await startFakeApi(holdItemRequestsUntilDeleted());
    try {
      // About ten deletes among 160 requests, with item requests held on every item in between.
      const run = startSoak(['--base-url', fake.url, '--duration', '4s', '--rate', '40', '--timeout', '2s', '--max-in-flight', '1000']);

      // Requests about items never deleted time out, so the run fails; that is not under test.
      expect(await run.exited).toBe(1);
      const { json } = readReports(run);
      expect(json.totals.expected404).toBeGreaterThan(0);
      expect(json.errors.map((error) => error.kind).filter((kind) => kind.includes('404'))).toEqual([]);
      expect(json.errors.map((error) => error.kind).filter((kind) => !kind.endsWith('timed out after 2 s'))).toEqual([]);
    } finally {
      await stopFakeApi(fake);
    }
  }, 60_000);

  it('counts requests beyond the in-flight limit', async () => {
    const fake = await startFakeApi(holdItemRequestsUntilDeleted());
    try {
      const run = startSoak(['--base-url', fake.url, '--duration', '3s', '--rate', '20', '--max-in-flight', '3', '--timeout', '2s']);

      expect(await run.exited).toBe(1);
      const { json } = readReports(run);
      // Requests due while three are held are recorded as not sent, so the count stays 3 s at 20 per second.
      expect(json.totals.requests).toBe(60);
      expect(json.totals.errorsByStatus['not sent']).toBeGreaterThan(0);
      expect(json.errors.map((error) => error.kind)).toContain('(any): not sent: 3 requests were already in flight');
    } finally {
      await stopFakeApi(fake);
    }
  }, 60_000);

  it('rejects an invalid option before starting', async () => {
    const run = startSoak(['--duration', 'ten minutes']);

    expect(await run.exited).toBe(2);
    expect(run.stderr.join('')).toContain('--duration: expected a positive time such as 30s, 10m or 1h, got "ten minutes"');
  });

  it('rejects a base URL off this machine', async () => {
    const run = startSoak(['--base-url', 'http://192.0.2.1:9292']);

    expect(await run.exited).toBe(2);
    expect(run.stderr.join('')).toContain('--base-url: expected an http URL on 127.0.0.1');
  });
});
