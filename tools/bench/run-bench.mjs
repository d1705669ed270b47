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

const USAGE = `Usage: npm run bench [-- options]

  --sizes N,N,...        item counts to seed and measure, in order (default 1000,10000,100000)
  --duration SECONDS     length of each measurement (default 15)
  --warmup SECONDS       unmeasured load before each measurement (default 3)
  --connections N        concurrent connections (default 10)
  --compare URL          also measure another server, loaded with the same items, in the same run
  --compare-token TOKEN  bearer token for --compare
  --no-count-cache       start the server with LIST_COUNT_CACHE_SECONDS=0
  --help                 print this and exit

Reports go to reports/bench/bench-<time>.{json,md}. The run fails when any response is not 2xx.
`;

const options = readOptions();
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
      for (const [endpoint, path] of endpoints(size)) {
        results.push({ size, server: target.name, endpoint, ...(await measure(target, path)) });
        const last = results[results.length - 1];
        process.stderr.write(`${size} ${target.name} ${endpoint}: ${last.requestsPerSecond} req/s, p50 ${last.p50Ms} ms, p99 ${last.p99Ms} ms\n`);
      }
    }
  }
  await client.end();
  writeReports(results);
  const failed = results.filter((row) => row.non2xx > 0 || row.errors > 0);
  if (failed.length > 0) {
    process.stderr.write(`${failed.map((row) => `${row.size} ${row.server} ${row.endpoint}: ${row.non2xx} non-2xx responses, ${row.errors} errors`).join('\n')}\n`);
    process.stderr.write('bench failed: the figures above include failed requests, so they do not measure the server\n');
    process.exitCode = 1;
  }
} finally {
  await server.stop();
  await idp.close();
}

function endpoints(size) {
  // bench-511 (public) is the item measured since the first reports. Smaller runs use bench-2,
  // also public: seed-items.mjs makes items 0 and 1 of every twenty private or shared.
  const itemId = size > 511 ? 'bench-511' : 'bench-2';
  return [
    ['unpaged list', '/items'],
    ['keyword search', '/items?keyword=pytorch'],
    ['ranked paged search', '/items?q=pytorch%20detection&limit=20'],
    ['get by id', `/items/${itemId}`],
  ];
}

/** Reads and checks the command line; prints the usage and exits on --help or a bad value. */
function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        duration: { type: 'string', default: '15' },
        warmup: { type: 'string', default: '3' },
        connections: { type: 'string', default: '10' },
        compare: { type: 'string' },
        'compare-token': { type: 'string', default: '' },
        'no-count-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const wholeNumber = (name, minimum) => {
    if (!/^\d+$/.test(values[name]) || Number(values[name]) < minimum) {
      process.stderr.write(`--${name} must be a whole number of at least ${minimum}, but is "${values[name]}"\n\n${USAGE}`);
      process.exit(2);
    }
  };
  wholeNumber('duration', 1);
  wholeNumber('warmup', 0);
  wholeNumber('connections', 1);
  if (!values.sizes.split(',').every((size) => /^\d+$/.test(size) && Number(size) >= 1)) {
    process.stderr.write(`--sizes must be whole numbers separated by commas, but is "${values.sizes}"\n\n${USAGE}`);
    process.exit(2);
  }
  return values;
}

async function measure(target, path) {
  const url = `${target.base}${path}`;
  const headers = { Authorization: `Bearer ${target.token}` };
  const size = Buffer.byteLength(await (await fetch(url, { headers })).text());
  if (Number(options.warmup) > 0) {
    await autocannon({ url, headers, connections: Number(options.connections), duration: Number(options.warmup) });
  }

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
