#!/usr/bin/env node
// `npm run bench`: measures the REST server with autocannon on 127.0.0.1 through the real
// authentication path (a small fake of OpenPAI's token and user endpoints), at 1,000, 10,000 and
// 100,000 items, and writes reports/bench/bench-<time>.{json,md}.
//
//   npm run bench [-- --sizes 1000,10000 --duration 15 --connections 10]
//   npm run bench -- --compare http://127.0.0.1:9999 --compare-token <token>
//
// --compare measures a second server (for example the original one, loaded with the same items)
// with the same requests in the same run, so the report can show ratios measured side by side.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';
import pg from 'pg';

import { seedItems } from './seed-items.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    compare: { type: 'string' },
    'compare-token': { type: 'string', default: '' },
  },
});
const TOKEN = 'bench-token-alice';

const idp = await startFakeIdp();
const dataRoot = mkdtempSync(join(tmpdir(), 'marketplace-bench-'));
chmodSync(dataRoot, 0o755);
const ports = { api: await freePort(), db: await freePort() };
const server = spawn(process.execPath, [join(root, 'dist/apps/restserver/main.js')], {
  env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(ports.api), EMBEDDED_POSTGRES_PORT: String(ports.db),
    EMBEDDED_POSTGRES_DIR: join(dataRoot, 'postgres'), IDP_URL: idp.url, LOG_LEVEL: 'warn', SEED_EXAMPLES: 'false' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const results = [];

try {
  const base = `http://127.0.0.1:${ports.api}`;
  await waitFor(`${base}/readyz`);
  const client = new pg.Client({ connectionString: `postgres://marketplace:marketplace@127.0.0.1:${ports.db}/marketplace` });
  await client.connect();

  for (const size of options.sizes.split(',').map(Number)) {
    const started = Date.now();
    await seedItems(client, size);
    process.stderr.write(`seeded ${size} items in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    for (const target of [{ name: 'this server', base, token: TOKEN, pid: server.pid }, ...(options.compare ? [{ name: 'compared server', base: options.compare, token: options['compare-token'] }] : [])]) {
      for (const [endpoint, path] of endpoints()) {
        results.push({ size, server: target.name, endpoint, ...(await measure(target, path)) });
        const last = results[results.length - 1];
        process.stderr.write(`${size} ${target.name} ${endpoint}: ${last.requestsPerSecond} req/s, p50 ${last.p50Ms} ms, p99 ${last.p99Ms} ms\n`);
      }
    }
  }
  await client.end();
  writeReports(results);
} finally {
  server.kill('SIGTERM');
  await new Promise((done) => server.once('exit', done));
  idp.server.close();
  rmSync(dataRoot, { recursive: true, force: true });
}

function endpoints() {
  return [
    ['unpaged list', '/items'],
    ['keyword search', '/items?keyword=pytorch'],
    ['ranked paged search', '/items?q=pytorch%20detection&limit=20'],
    ['get by id', '/items/bench-511'],
  ];
}

async function measure(target, path) {
  const url = `${target.base}${path}`;
  const headers = { Authorization: `Bearer ${target.token}` };
  const size = Buffer.byteLength(await (await fetch(url, { headers })).text());
  await autocannon({ url, headers, connections: Number(options.connections), duration: Number(options.warmup) });

  let peakRss = 0;
  const sampler = target.pid ? setInterval(() => (peakRss = Math.max(peakRss, rssOf(target.pid))), 200) : undefined;
  const result = await autocannon({ url, headers, connections: Number(options.connections), duration: Number(options.duration), timeout: 60 });
  clearInterval(sampler);
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    responseBytes: size,
    peakRssMb: target.pid ? Math.round(peakRss / 1024) : null,
  };
}

function rssOf(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function writeReports(rows) {
  const folder = join(root, 'reports/bench');
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const meta = { date: new Date().toISOString(), node: process.version, connections: Number(options.connections), durationSeconds: Number(options.duration) };
  writeFileSync(join(folder, `bench-${stamp}.json`), `${JSON.stringify({ ...meta, results: rows }, null, 2)}\n`);
  const lines = [
    `# Benchmark ${meta.date}`,
    '',
    `autocannon, ${meta.connections} connections, ${meta.durationSeconds} s after a warm-up, Node ${meta.node}, everything on 127.0.0.1 of one machine.`,
    '',
    '| items | server | endpoint | req/s | p50 ms | p99 ms | non-2xx | response | server RSS peak |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.size} | ${row.server} | ${row.endpoint} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.non2xx} | ${(row.responseBytes / 1024).toFixed(1)} KB | ${row.peakRssMb ?? '—'} MB |`),
    '',
  ];
  writeFileSync(join(folder, `bench-${stamp}.md`), lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\nwrote ${join(folder, `bench-${stamp}.{json,md}`)}\n`);
}

/** Serves OpenPAI's token check and user record for one user, in the real rest-server's shapes. */
async function startFakeIdp() {
  const idpServer = createServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      response.writeHead(401).end('{}');
      return;
    }
    const body = request.url === '/api/v2/tokens/check'
      ? { username: 'alice', admin: false, application: false }
      : { username: 'alice', admin: false, grouplist: ['default', 'vision'], email: 'alice@example.test', virtualCluster: ['default'] };
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise((done) => idpServer.listen(0, '127.0.0.1', done));
  return { server: idpServer, url: `http://127.0.0.1:${idpServer.address().port}` };
}

async function waitFor(url) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${url} did not become ready`);
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}
