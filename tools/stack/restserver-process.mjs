// Starts the built REST server (dist/apps/restserver/main.js) as a child process on 127.0.0.1,
// with its embedded PostgreSQL in a scratch directory, for the load tools (bench, soak).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = join(REPO_ROOT, 'dist/apps/restserver/main.js');

/** How long the server may take to stop its embedded PostgreSQL after SIGTERM before it gets SIGKILL. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts the server against the identity provider at `idpUrl` and waits until `/readyz` returns 200.
 * `environment` adds or overrides variables; `output` is spawn's stdio for both stdout and
 * stderr ('ignore', 'inherit' or a file descriptor), or a pair `[stdout, stderr]`. With `detached` the server gets its own
 * process group, so a Ctrl-C in the terminal reaches only the tool, which then stops the server
 * itself. Returns `{ baseUrl, databaseUrl, pid, stop }`; `stop()` sends SIGTERM to that one
 * process and deletes the scratch directory.
 */
export async function startRestserver({ idpUrl, environment = {}, output = 'inherit', detached = false }) {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: build it with "npx nx run restserver:build"`);
  }

  // Embedded PostgreSQL runs as the user postgres when started by root, so it must be able to
  // enter the scratch directory.
  const dataRoot = mkdtempSync(join(tmpdir(), 'marketplace-load-'));
  chmodSync(dataRoot, 0o755);
  const ports = { api: await freePort(), db: await freePort() };
  const child = spawn(process.execPath, [MAIN], {
    detached,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      EMBEDDED_POSTGRES_DIR: join(dataRoot, 'postgres'),
      EMBEDDED_POSTGRES_PORT: String(ports.db),
      IDP_URL: idpUrl,
      LOG_LEVEL: 'warn',
      PORT: String(ports.api),
      // Load tools measure the server, not its rate limiter.
      RATE_LIMIT: '0',
      ...environment,
    },
    stdio: ['ignore', ...(Array.isArray(output) ? output : [output, output])],
  });
  const exited = exitOf(child);

  const stop = async () => {
    await stopChild(child, exited, STOP_TIMEOUT_MS);
    rmSync(dataRoot, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${ports.api}`;
  try {
    await waitUntilOk(`${baseUrl}/readyz`, exited, 'the server');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    databaseUrl: `postgres://marketplace:marketplace@127.0.0.1:${ports.db}/marketplace`,
    pid: child.pid,
    exited,
    stop,
  };
}

/** Resolves with `{ code, signal }` once `child` exits. */
export function exitOf(child) {
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

/** Sends SIGTERM to `child` if it still runs, and SIGKILL if it has not exited after `timeoutMs`. */
export async function stopChild(child, exited, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` for up to two minutes until it returns 200, failing early when `name` exits. */
export async function waitUntilOk(url, exited, name) {
  let exit;
  void exited.then((result) => (exit = result));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exit) {
      throw new Error(`${name} exited during start-up (code ${exit.code}, signal ${exit.signal})`);
    }
    if (await fetch(url).then((response) => response.ok, () => false)) {
      return;
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${url} did not return 200 within two minutes`);
}

/** Returns the resident set size of a process in kB from /proc (Linux), or null when it cannot be read. */
export function readRssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Finds a TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}
