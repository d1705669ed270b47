#!/usr/bin/env node
// `npm run bench`: measures the REST server with autocannon on 127.0.0.1 through the real
// authentication path (a small fake of OpenPAI's token and user endpoints), at 1,000, 10,000 and
// 100,000 items, and writes reports/bench/bench-<time>.{json,md}.
//
//   npm run bench [-- --sizes 1000,10000 --duration 15 --connections 10]
//   npm run bench -- --compare http://127.0.0.1:9999 --compare-token <token>
//   npm run bench -- --no-count-cache
//
// --compare measures a second server (for example the original one, loaded with the same items)
// with the same requests in the same run, so the report can show ratios measured side by side.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';
import pg from 'pg';

import { startFakeOpenPai } from '../stack/fake-openpai.mjs';
import { readRssKb, REPO_ROOT as root, startRestserver } from '../stack/restserver-process.mjs';
import { seedItems } from './seed-items.mjs';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    compare: { type: 'string' },
    'compare-token': { type: 'string', default: '' },
    'no-count-cache': { type: 'boolean', default: false },
  },
});
const TOKEN = 'bench-token-alice';

const idp = await startFakeOpenPai([{ username: 'alice', admin: false, groups: ['default', 'vision'], token: TOKEN }]);
const server = await startRestserver({ idpUrl: idp.url, environment: { SEED_EXAMPLES: 'false', ...(options['no-count-cache'] ? { LIST_COUNT_CACHE_SECONDS: '0' } : {}) }, output: ['ignore', 'inherit'] });
const results = [];

try {
  const base = server.baseUrl;
  const client = new pg.Client({ connectionString: server.databaseUrl });
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
  await server.stop();
  await idp.close();
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
  const sampler = target.pid ? setInterval(() => (peakRss = Math.max(peakRss, readRssKb(target.pid) ?? 0)), 200) : undefined;
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

function writeReports(rows) {
  const folder = join(root, 'reports/bench');
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    connections: Number(options.connections),
    durationSeconds: Number(options.duration),
    listCountCache: !options['no-count-cache'],
  };
  writeFileSync(join(folder, `bench-${stamp}.json`), `${JSON.stringify({ ...meta, results: rows }, null, 2)}\n`);
  const lines = [
    `# Benchmark ${meta.date}`,
    '',
    `autocannon, ${meta.connections} connections, ${meta.durationSeconds} s after a warm-up, Node ${meta.node}, everything on 127.0.0.1 of one machine.`,
    '',
    meta.listCountCache
      ? 'List counts reused for 5 s (the default): each measurement repeats one query, so after its first request the total of a paged search comes from that reuse.'
      : 'List counts not reused (`--no-count-cache`): every paged request counts its total afresh.',
    '',
    '| items | server | endpoint | req/s | p50 ms | p99 ms | non-2xx | response | server RSS peak |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.size} | ${row.server} | ${row.endpoint} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.non2xx} | ${(row.responseBytes / 1024).toFixed(1)} KB | ${row.peakRssMb ?? '—'} MB |`),
    '',
  ];
  writeFileSync(join(folder, `bench-${stamp}.md`), lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\nwrote ${join(folder, `bench-${stamp}.{json,md}`)}\n`);
}
