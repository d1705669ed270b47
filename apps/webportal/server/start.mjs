#!/usr/bin/env node
// Starts the built web portal with `next start` on SERVER_PORT (default 9293) and HOST (default
// 127.0.0.1; the image sets 0.0.0.0). MARKETPLACE_API_URL is read by the pages at run time.
// Other variables paictl sets, such as NPM_INSTALL_TOKEN, are ignored.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.SERVER_PORT || '9293';
const host = process.env.HOST || '127.0.0.1';

if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
  process.stderr.write(`SERVER_PORT: expected a whole number from 0 to 65535, got ${JSON.stringify(port)}\n`);
  process.exit(2);
}
const apiUrl = process.env.MARKETPLACE_API_URL;
if (apiUrl && !/^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(apiUrl)) {
  process.stderr.write(`MARKETPLACE_API_URL: expected an http(s):// URL or a path such as /marketplace/api, got ${JSON.stringify(apiUrl)}\n`);
  process.exit(2);
}

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const server = spawn(process.execPath, [nextBin, 'start', appDir, '--port', port, '--hostname', host], {
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
process.stdout.write(`marketplace web portal on http://${host}:${port} (API: ${apiUrl || '/marketplace/api on the same origin'})\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
