import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * Runs the built server the way `npm start` and the images do: `node dist/apps/restserver/main.js`
 * with only environment variables. `npm test` builds it first.
 */
export const MAIN = resolve(__dirname, '../../../../dist/apps/restserver/main.js');

export interface RunningServer {
  process: ChildProcess;
  output: string[];
  baseUrl: string;
  exited: Promise<number | null>;
}

/** Every process a spec started, so that a failing test cannot leave one running. */
const started: ChildProcess[] = [];

/** Fails with the build command when the built server is missing. */
export function assertBuilt(): void {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: build it with "npx nx run restserver:build" (npm test does this first)`);
  }
}

/** Creates a scratch directory that the postgres user (embedded PostgreSQL's user under root) can enter. */
export function scratchDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'marketplace-e2e-'));
  chmodSync(directory, 0o755);
  return directory;
}

export function startServer(environment: Record<string, string>): RunningServer {
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

/** Polls `path` until it returns `status`; fails with the server's output after `timeoutMs`. */
export async function waitForStatus(server: RunningServer, path: string, status: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answered = await fetch(`${server.baseUrl}${path}`).then((response) => response.status, () => undefined);
    if (answered === status) {
      return;
    }
    if (server.process.exitCode !== null) {
      throw new Error(`server exited with ${server.process.exitCode}:\n${server.output.join('')}`);
    }
    await sleep(250);
  }
  throw new Error(`GET ${path} did not return ${status} within ${timeoutMs} ms:\n${server.output.join('')}`);
}

export function waitUntilReady(server: RunningServer, timeoutMs = 60_000): Promise<void> {
  return waitForStatus(server, '/readyz', 200, timeoutMs);
}

/**
 * Stops every server a spec started and has not seen exit: SIGTERM first, so that a server stops
 * its embedded PostgreSQL too, and SIGKILL if it has not exited 15 s later.
 */
export async function stopStartedServers(): Promise<void> {
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
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolveWait) => setTimeout(resolveWait, ms));
}

export interface CallResult {
  status: number;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown;
  headers: Headers;
  startedAt: number;
  durationMs: number;
}

export interface CallOptions {
  /** Sends `Authorization: Bearer dev-token-<user>` for the development identity provider. */
  user?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Sends one request to a server process; rejects when it gets no response within the timeout. */
export async function call(server: RunningServer, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.user) {
    headers.Authorization = `Bearer dev-token-${options.user}`;
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  const startedAt = Date.now();
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A text route such as PUT's "updated".
  }
  return { status: response.status, body, headers: response.headers, startedAt, durationMs: Date.now() - startedAt };
}
