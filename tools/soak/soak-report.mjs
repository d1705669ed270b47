// Writes the soak's report as JSON (for tools) and markdown (for people).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The definition of an error that the report prints; the README states the same rule. */
export const ERROR_DEFINITION =
  'An error is a 5xx; any other status the operation does not return when it works (400, 401, 403, 409, 413, 429 included, because every soak request is valid and authorised); ' +
  'a 404 for an item the soak had not deleted; a 2xx whose body is not the documented one; a request that failed at the network level or got no response within the timeout; ' +
  'and a request that was not sent because the in-flight limit was reached. A 404 for an item whose delete the soak had already sent is expected and not an error.';

/** Decides PASS or FAIL from the totals and returns `{ passed, line }`. */
export function verdictOf(totals, maxErrorRate, run) {
  const partial = run.stoppedBy === 'duration' ? '' : ` (partial run: stopped by ${run.stoppedBy} after ${run.elapsedSeconds} s)`;
  if (totals.requests === 0) {
    return { passed: false, line: `FAIL: no request was made${partial}` };
  }
  const passed = totals.errorRate <= maxErrorRate;
  const comparison = passed ? 'at most' : 'above';
  return {
    passed,
    line: `${passed ? 'PASS' : 'FAIL'}: ${totals.errors} errors in ${totals.requests} requests, error rate ${formatRate(totals.errorRate)}, ${comparison} the maximum ${maxErrorRate}${partial}`,
  };
}

/** Writes soak-<stamp>.json and soak-<stamp>.md into `folder`; returns the markdown's path. */
export function writeSoakReport(folder, stamp, report) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `soak-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const markdownPath = join(folder, `soak-${stamp}.md`);
  writeFileSync(markdownPath, markdownOf(report));
  return markdownPath;
}

function markdownOf(report) {
  const { configuration, run, totals } = report;
  return [
    `# Soak ${report.date}`,
    '',
    `**${report.verdict.line}**`,
    '',
    '## Configuration',
    '',
    '| setting | value |',
    '| --- | --- |',
    `| target | ${configuration.target} |`,
    `| duration | ${configuration.durationSeconds} s requested, ${run.elapsedSeconds} s run, stopped by ${run.stoppedBy} |`,
    `| rate | ${configuration.rate} requests/s started on a timer, at most ${configuration.maxInFlight} in flight |`,
    `| timeout | ${configuration.timeoutSeconds} s |`,
    `| window | ${configuration.windowSeconds} s |`,
    `| users | ${configuration.users.join(', ')} |`,
    `| maximum error rate | ${configuration.maxErrorRate} |`,
    `| Node | ${report.node} |`,
    '',
    '## Totals',
    '',
    '| requests | errors | error rate | expected 404 | p50 ms | p95 ms | p99 ms | max ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${totals.requests} | ${totals.errors} | ${formatRate(totals.errorRate)} | ${totals.expected404} | ${cell(totals.p50Ms)} | ${cell(totals.p95Ms)} | ${cell(totals.p99Ms)} | ${cell(totals.maxMs)} |`,
    '',
    ...(run.abandoned > 0 ? [`${run.abandoned} requests still in flight when the run was stopped were abandoned and are not counted.`, ''] : []),
    'Latency counts from the moment a request was due to the end of its response body.',
    '',
    '## Errors',
    '',
    ERROR_DEFINITION,
    '',
    ...errorLines(report.errors),
    '## Operations',
    '',
    '| operation | requests | errors | expected 404 | p50 ms | p95 ms | p99 ms | max ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.operations.map((row) => `| ${row.operation} | ${row.requests} | ${row.errors} | ${row.expected404} | ${cell(row.p50Ms)} | ${cell(row.p95Ms)} | ${cell(row.p99Ms)} | ${cell(row.maxMs)} |`),
    '',
    '## Latency over time',
    '',
    '| window (s) | requests | errors | errors by status | expected 404 | p50 ms | p95 ms | p99 ms | max ms | server RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.windows.map((row) => `| ${row.fromSeconds}–${row.toSeconds} | ${row.requests} | ${row.errors} | ${statusCounts(row.errorsByStatus)} | ${row.expected404} | ${cell(row.p50Ms)} | ${cell(row.p95Ms)} | ${cell(row.p99Ms)} | ${cell(row.maxMs)} | ${cell(row.serverRssMb)} |`),
    '',
    '## Server memory',
    '',
    memoryLine(report.memory),
    '',
    ...(report.serverLog ? [`Server output: \`${report.serverLog}\``, ''] : []),
    ...(report.cleanUp ? [cleanUpLine(report.cleanUp), ''] : []),
  ].join('\n');
}

function errorLines(errors) {
  if (errors.length === 0) {
    return ['None.', ''];
  }
  return [
    '| kind | count |',
    '| --- | --- |',
    ...errors.map((error) => `| ${escapeCell(error.kind)} | ${error.count} |`),
    '',
    ...errors.flatMap((error) => [
      `Examples of ${error.kind}:`,
      '',
      ...error.examples.map((example) => `- at ${example.atSeconds} s, ${example.user ?? 'no user'}: \`${example.request || '(not sent)'}\` → ${example.status}${example.body ? `: \`${escapeCell(example.body).replace(/`/g, "'")}\`` : ''}`),
      '',
    ]),
  ];
}

function cleanUpLine(cleanUp) {
  const tagsLeft = cleanUp.tagsLeft > 0 ? `, ${cleanUp.tagsLeft} tags left because deleting a tag needs an admin user` : '';
  return `Clean-up: ${cleanUp.itemsDeleted} items deleted, ${cleanUp.itemsAlreadyGone} already gone, ${cleanUp.tagsDeleted} tags deleted${tagsLeft}, ${cleanUp.failures} failures.`;
}

function memoryLine(memory) {
  if (!memory.measured) {
    return `Not measured: ${memory.note}`;
  }
  const change = memory.endMb - memory.startMb;
  return `${memory.source}: ${memory.startMb} MB at the start (after set-up, before the load), ${memory.endMb} MB at the end, ` +
    `peak ${memory.peakMb} MB at a window's end, change ${change >= 0 ? '+' : ''}${Math.round(change * 10) / 10} MB. ${memory.note}`;
}

function statusCounts(counts) {
  const entries = Object.entries(counts);
  return entries.length === 0 ? '—' : entries.map(([status, count]) => `${status}: ${count}`).join(', ');
}

function cell(value) {
  return value === null || value === undefined ? '—' : String(value);
}

function escapeCell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function formatRate(rate) {
  return rate === 0 ? '0' : rate.toPrecision(2);
}
