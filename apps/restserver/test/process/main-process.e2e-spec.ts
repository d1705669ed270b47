import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { FakeOpenPai } from '../fake-openpai';
import { freePort } from '../free-port';

/*
 * Runs the built server the way `npm start` and the images do: `node dist/apps/restserver/main.js`
 * with only environment variables. `npm test` builds it first.
 */
const MAIN = resolve(__dirname, '../../../../dist/apps/restserver/main.js');

interface RunningServer {
  process: ChildProcess;
  output: string[];
  baseUrl: string;
  exited: Promise<number | null>;
}

/** Creates a scratch directory that the postgres user (embedded PostgreSQL's user under root) can enter. */
function scratchDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'marketplace-e2e-'));
  chmodSync(directory, 0o755);
  return directory;
}

/** Every process a test started, so that a failing test cannot leave one running. */
const started: ChildProcess[] = [];

function startServer(environment: Record<string, string>): RunningServer {
  const output: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return { process: child, output, baseUrl: `http://127.0.0.1:${environment.PORT}`, exited };
}

async function waitUntilReady(server: RunningServer, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${server.baseUrl}/readyz`).then((response) => response.ok, () => false);
    if (ready) {
      return;
    }
    if (server.process.exitCode !== null) {
      throw new Error(`server exited with ${server.process.exitCode}:\n${server.output.join('')}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output.join('')}`);
}

describe('restserver process', () => {
  // SIGTERM lets a server stop its embedded PostgreSQL too; SIGKILL only if it does not exit.
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        continue;
      }
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  }, 30_000);

  beforeAll(() => {
    if (!existsSync(MAIN)) {
      throw new Error(`${MAIN} is missing: build it with "npx nx run restserver:build" (npm test does this first)`);
    }
  });

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

      const portTaken = startServer({ ...environment, EMBEDDED_POSTGRES_PORT: String(await freePort()), EMBEDDED_POSTGRES_DIR: join(dataRoot, 'other') });
      expect(await portTaken.exited).toBe(1);
      expect(portTaken.output.join('')).toContain(`port ${environment.PORT} on 127.0.0.1 is already in use`);

      const tags = (await (await fetch(`${second.baseUrl}/tags`, { headers: { Authorization: 'Bearer dev-token-bob' } })).json()) as { name: string }[];
      expect(tags.map((tag) => tag.name)).toContain('survives-restart');
      second.process.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dataRoot, { recursive: true, force: true });
    }
  }, 120_000);

  it('finishes a request in flight on SIGTERM', async () => {
    const openPai = await new FakeOpenPai().start();
    const dataRoot = scratchDirectory();
    try {
      const server = startServer({
        PORT: String(await freePort()),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        EMBEDDED_POSTGRES_DIR: join(dataRoot, 'postgres'),
        IDP_URL: openPai.url,
      });
      await waitUntilReady(server);

      openPai.delayMs = 1000;
      const inFlight = fetch(`${server.baseUrl}/tags`, { headers: { Authorization: `Bearer ${openPai.tokens.alice}` } });
      await new Promise((resolveWait) => setTimeout(resolveWait, 300));
      server.process.kill('SIGTERM');

      expect((await inFlight).status).toBe(200);
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
    } finally {
      await openPai.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    }
  }, 120_000);
});
