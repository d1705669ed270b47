#!/usr/bin/env node
// `npm run soak`: drives a mixed workload of reads and writes at a fixed rate against the REST
// server through the real authentication path, for 10 minutes by default, and writes
// reports/soak/soak-<time>.{json,md} with errors, latency over time and server memory. It exits
// 0 when the error rate is at most --max-error-rate, 1 when above it or when the run failed,
// 2 on invalid options and 130 when interrupted (after writing the partial report).
//
//   npm run soak [-- --duration 30s --rate 20 --max-error-rate 0.001]
//   npm run soak -- --base-url http://127.0.0.1:9292 [--tokens alice:<token>,bob:<token>]
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startFakeOpenPai } from '../stack/fake-openpai.mjs';
import { readRssKb, REPO_ROOT, startRestserver } from '../stack/restserver-process.mjs';
import { startWebportal } from '../stack/webportal-process.mjs';
import { SoakLoad } from './soak-load.mjs';
import { OptionError, parseSoakOptions, USAGE } from './soak-options.mjs';
import { SoakRecorder } from './soak-recorder.mjs';
import { ERROR_DEFINITION, verdictOf, writeSoakReport } from './soak-report.mjs';
import { createStartingData, deleteSoakData, resolveUsers, STARTED_STACK_USERS } from './soak-setup.mjs';

const EXIT_FAILED = 1;
const EXIT_INVALID_OPTIONS = 2;
const EXIT_INTERRUPTED = 130;

const log = (line) => process.stderr.write(`${line}\n`);

let options;
try {
  options = parseSoakOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof OptionError)) throw error;
  log(`soak: ${error.message}\n\n${USAGE}`);
  process.exit(EXIT_INVALID_OPTIONS);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const reportDir = options.reportDir ? resolve(options.reportDir) : join(REPO_ROOT, 'reports/soak');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
mkdirSync(reportDir, { recursive: true });

// The first SIGINT or SIGTERM stops the load and still writes the report; a second one also
// abandons the requests in flight at once.
let interruptedBy;
let load;
const onSignal = (signal) => {
  if (!interruptedBy) {
    interruptedBy = signal;
    log(`soak: ${signal} received, stopping the load and writing a partial report (send it again to abandon requests in flight)`);
  }
  load?.stop(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

let stack;
let exitCode = EXIT_FAILED;
try {
  stack = options.baseUrl ? undefined : await startStack(join(reportDir, `soak-${stamp}.server.log`));
  const baseUrl = options.baseUrl ?? stack.server.baseUrl;
  const users = await resolveUsers(baseUrl, options.baseUrl ? options.tokens : STARTED_STACK_USERS);
  const { items, tags } = await createStartingData(baseUrl, users, randomBytes(4).toString('hex'));
  if (interruptedBy) {
    throw new Error(`${interruptedBy} received before the load started; no report written`);
  }

  const pid = stack?.server.pid;
  const readServerRssKb = () => (pid ? readRssKb(pid) : null);
  const rssStartKb = readServerRssKb();
  const recorder = new SoakRecorder();
  load = new SoakLoad({ baseUrl, context: { users, items, tags, portalUrl: stack?.portal.baseUrl }, recorder, options, readServerRssKb, log });
  void stack?.server.exited.then(({ code, signal }) => load.stop(`the server exiting (code ${code}, signal ${signal})`));
  const serverProcess = pid ? ` (server pid ${pid})` : '';
  log(`soak: ${options.rate} requests/s for ${options.durationMs / 1000} s against ${baseUrl}${serverProcess} as ${users.map((user) => user.username).join(', ')}`);
  const run = await load.run();
  const rssEndKb = readServerRssKb();

  const cleanUp = options.baseUrl ? await deleteSoakData(baseUrl, users, items, tags) : undefined;
  const report = buildReport({ baseUrl, users, recorder, run, memory: memoryOf(pid, rssStartKb, rssEndKb, recorder.windows), cleanUp });
  const markdownPath = writeSoakReport(reportDir, stamp, report);
  log(`soak: ${report.verdict.line}`);
  process.stdout.write(`${markdownPath}\n`);
  exitCode = report.verdict.passed ? 0 : EXIT_FAILED;
} catch (error) {
  log(`soak: ${error.message}${stack ? `\nserver output: ${stack.serverLog}` : ''}`);
} finally {
  await stack?.stop();
}
process.exit(interruptedBy ? EXIT_INTERRUPTED : exitCode);

/**
 * Starts a fake OpenPAI, the built server and the built web portal pointed at it; the output of
 * both servers goes to `serverLog`. Each gets its own process group, so a Ctrl-C reaches only the
 * soak, which stops them itself. NOTE: a soak killed with SIGKILL cannot stop them; the REST
 * server's pid is in the soak's first line.
 */
async function startStack(serverLog) {
  const openPai = await startFakeOpenPai(STARTED_STACK_USERS);
  const logFile = openSync(serverLog, 'w');
  try {
    const server = await startRestserver({ idpUrl: openPai.url, output: logFile, detached: true });
    let portal;
    try {
      portal = await startWebportal({ apiUrl: server.baseUrl, output: logFile, detached: true });
    } catch (error) {
      await server.stop();
      throw error;
    }
    return {
      server,
      portal,
      serverLog,
      stop: async () => {
        await portal.stop();
        await server.stop();
        await openPai.close();
      },
    };
  } catch (error) {
    await openPai.close();
    throw new Error(`${error.message}; server output: ${serverLog}`);
  } finally {
    closeSync(logFile);
  }
}

function memoryOf(pid, startKb, endKb, windows) {
  if (!pid) {
    return { measured: false, note: 'the soak aimed at a server it did not start (--base-url), so it knows no process to read.' };
  }
  if (startKb === null || endKb === null) {
    return { measured: false, note: `/proc/${pid}/status could not be read (the soak reads memory on Linux only).` };
  }
  const toMb = (kb) => Math.round(kb / 102.4) / 10;
  const peakKb = Math.max(startKb, endKb, ...windows.map((window) => (window.serverRssMb ?? 0) * 1024));
  return {
    measured: true,
    source: `VmRSS of the server process (pid ${pid}) from /proc/${pid}/status`,
    startMb: toMb(startKb),
    endMb: toMb(endKb),
    peakMb: toMb(peakKb),
    note: 'The embedded PostgreSQL runs in processes of its own and is not included.',
  };
}

function buildReport({ baseUrl, users, recorder, run, memory, cleanUp }) {
  const totals = recorder.totals();
  const runSummary = { stoppedBy: run.stoppedBy, elapsedSeconds: Math.round(run.elapsedMs / 100) / 10, abandoned: run.abandoned };
  return {
    date: new Date().toISOString(),
    node: process.version,
    verdict: verdictOf(totals, options.maxErrorRate, runSummary),
    configuration: {
      target: options.baseUrl
        ? `a server already running at ${baseUrl}`
        : `dist/apps/restserver/main.js started by the soak at ${baseUrl}, with an embedded PostgreSQL, a fake OpenPAI and the web portal`,
      baseUrl,
      startedServer: !options.baseUrl,
      durationSeconds: options.durationMs / 1000,
      rate: options.rate,
      maxInFlight: options.maxInFlight,
      timeoutSeconds: options.timeoutMs / 1000,
      windowSeconds: options.windowMs / 1000,
      maxErrorRate: options.maxErrorRate,
      users: users.map((user) => user.username),
    },
    run: runSummary,
    errorDefinition: ERROR_DEFINITION,
    totals,
    errors: recorder.errorKinds(),
    operations: recorder.operations(),
    windows: recorder.windows,
    memory,
    serverLog: stack?.serverLog ?? null,
    cleanUp: cleanUp ?? null,
  };
}
