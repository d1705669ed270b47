import { request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FakeOpenPai } from '../fake-openpai';
import { freePort } from '../free-port';
import { assertBuilt, scratchDirectory, sleep, startServer, stopStartedServers, waitUntilReady } from './server-process';

/** Maximum time from SIGTERM to exit with requests in flight: shutdown.ts's 10 s limit plus slack for a loaded machine. */
const SIGTERM_EXIT_BOUND_MS = 15_000;

/** Opens a fresh TCP connection (no keep-alive reuse) and resolves with the error code, or "connected". */
function connectOnce(baseUrl: string): Promise<string> {
  return new Promise((resolveConnect) => {
    const probe = httpRequest(`${baseUrl}/healthz`, { agent: false }, (response) => {
      response.resume();
      resolveConnect('connected');
    });
    probe.on('error', (error: NodeJS.ErrnoException) => resolveConnect(error.code ?? error.message));
    probe.end();
  });
}

describe('restserver process', () => {
  afterEach(stopStartedServers, 30_000);

  beforeAll(assertBuilt);

  it('refuses development identity in production', async () => {
    const server = startServer({ NODE_ENV: 'production', DATABASE_URL: 'postgres://user:secret-password@127.0.0.1:1/db', PORT: '1' });
    expect(await server.exited).toBe(2);
    const output = server.output.join('');
    expect(output).toContain('IDP_URL');
    expect(output).toContain('ALLOW_DEV_AUTH');
    expect(output).not.toContain('secret-password');
  });

  // Only root hands the data directory to another user, so only root can meet this problem.
  const itAsRoot = process.getuid?.() === 0 ? it : it.skip;

  itAsRoot('explains a data directory postgres cannot enter', async () => {
    const hidden = mkdtempSync(join(tmpdir(), 'marketplace-e2e-'));
    try {
      const server = startServer({ PORT: String(await freePort()), EMBEDDED_POSTGRES_DIR: join(hidden, 'postgres') });
      expect(await server.exited).toBe(1);
      expect(server.output.join('')).toContain(`chmod o+x ${hidden}`);
    } finally {
      rmSync(hidden, { recursive: true, force: true });
    }
  });

  it('names an invalid variable and exits before starting', async () => {
    const server = startServer({ PORT: 'ninety' });
    expect(await server.exited).toBe(2);
    expect(server.output.join('')).toContain('PORT: expected a whole number from 0 to 65535, got "ninety"');
  });

  it('keeps embedded data across restarts and stops on SIGTERM', async () => {
    const dataRoot = scratchDirectory();
    const environment = {
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_DIR: join(dataRoot, 'postgres'),
    };
    try {
      const first = startServer(environment);
      await waitUntilReady(first);
      expect(first.output.join('')).toContain('DEVELOPMENT identity provider');
      expect(first.output.join('')).toContain(join(dataRoot, 'postgres'));
      const created = await fetch(`${first.baseUrl}/tags`, {
        method: 'POST',
        headers: { Authorization: 'Bearer dev-token-admin', 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'survives-restart' }),
      });
      expect(created.status).toBe(201);
      first.process.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = startServer(environment);
      await waitUntilReady(second);

      const intruder = startServer({ ...environment, PORT: String(await freePort()) });
      expect(await intruder.exited).toBe(1);
      expect(intruder.output.join('')).toContain('is in use by PostgreSQL process');

      const portTakenDataDir = join(dataRoot, 'other');
      const portTaken = startServer({ ...environment, EMBEDDED_POSTGRES_PORT: String(await freePort()), EMBEDDED_POSTGRES_DIR: portTakenDataDir });
      expect(await portTaken.exited).toBe(1);
      expect(portTaken.output.join('')).toContain(`port ${environment.PORT} on 127.0.0.1 is already in use`);
      // The failed start stopped the PostgreSQL it had started, which removes its pid file.
      expect(existsSync(join(portTakenDataDir, 'postmaster.pid'))).toBe(false);

      const tags = (await (await fetch(`${second.baseUrl}/tags`, { headers: { Authorization: 'Bearer dev-token-bob' } })).json()) as { name: string }[];
      expect(tags.map((tag) => tag.name)).toContain('survives-restart');
      second.process.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dataRoot, { recursive: true, force: true });
    }
  }, 120_000);

  it('finishes requests in flight on SIGTERM and refuses new connections', async () => {
    const openPai = await new FakeOpenPai().start();
    const dataRoot = scratchDirectory();
    try {
      const server = startServer({
        PORT: String(await freePort()),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        EMBEDDED_POSTGRES_DIR: join(dataRoot, 'postgres'),
        IDP_URL: openPai.url,
        AUTH_CACHE_TTL_SECONDS: '0',
      });
      await waitUntilReady(server);

      // The fake OpenPAI delays each token check by 1.5 s, which keeps these requests in flight.
      openPai.delayMs = 1500;
      openPai.calls.length = 0;
      const users = ['admin', 'alice', 'bob', 'carol'];
      const settled = new Set<string>();
      const inFlight = users.map((user, index) =>
        fetch(`${server.baseUrl}${index % 2 === 0 ? '/tags' : '/items'}`, { headers: { Authorization: `Bearer ${openPai.tokens[user]}` } }).finally(() => settled.add(user)),
      );
      const arrivedBy = Date.now() + 10_000;
      while (openPai.calls.length < users.length && Date.now() < arrivedBy) {
        await sleep(20);
      }
      expect(openPai.calls).toHaveLength(users.length);

      const signalledAt = Date.now();
      server.process.kill('SIGTERM');
      let connection = await connectOnce(server.baseUrl);
      while (connection !== 'ECONNREFUSED' && Date.now() - signalledAt < 1000) {
        await sleep(20);
        connection = await connectOnce(server.baseUrl);
      }
      expect(connection).toBe('ECONNREFUSED');
      expect(settled.size).toBe(0);

      const responses = await Promise.all(inFlight);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      expect(await server.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(SIGTERM_EXIT_BOUND_MS);
      expect(server.output.join('')).toContain('SIGTERM received');
    } finally {
      await openPai.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    }
  }, 120_000);
});
