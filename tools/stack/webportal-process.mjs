// Starts the built web portal on 127.0.0.1 for the load tools, pointed at a REST server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { exitOf, freePort, REPO_ROOT, stopChild, waitUntilOk } from './restserver-process.mjs';

const START_SCRIPT = join(REPO_ROOT, 'apps/webportal/server/start.mjs');
const BUILD_ID = join(REPO_ROOT, 'apps/webportal/.next/BUILD_ID');

/** How long the portal may take to stop after SIGTERM before it gets SIGKILL. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts `apps/webportal/server/start.mjs` on a free port, with MARKETPLACE_API_URL set to
 * `apiUrl`, and waits for `/healthz`. `output` and `detached` are as for startRestserver.
 * Returns `{ baseUrl, pid, stop }`; `stop()` sends SIGTERM, which the start script passes on.
 */
export async function startWebportal({ apiUrl, output = 'inherit', detached = false }) {
  if (!existsSync(BUILD_ID)) {
    throw new Error(`${BUILD_ID} is missing: build the web portal with "npx nx run webportal:build"`);
  }

  const port = await freePort();
  const child = spawn(process.execPath, [START_SCRIPT], {
    detached,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', SERVER_PORT: String(port), MARKETPLACE_API_URL: apiUrl },
    stdio: ['ignore', ...(Array.isArray(output) ? output : [output, output])],
  });
  const exited = exitOf(child);
  const stop = () => stopChild(child, exited, STOP_TIMEOUT_MS);

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilOk(`${baseUrl}/healthz`, exited, 'the web portal');
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid, stop };
}
