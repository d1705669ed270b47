// Command-line options of `npm run soak`, checked before anything starts.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run soak [-- options]

Drives a mixed workload of reads and writes at a fixed rate against the REST server and writes
reports/soak/soak-<time>.{json,md}. Without --base-url it starts dist/apps/restserver/main.js
(npm run soak builds it first) with an embedded PostgreSQL and a fake OpenPAI on 127.0.0.1.

  --duration <time>        how long to send requests: 30s, 10m, 1h or plain seconds (default 10m)
  --rate <n>               requests started per second, whatever the server's speed (default 20)
  --max-in-flight <n>      requests outstanding at once; a request due beyond this is not sent
                           and counts as an error (default 64)
  --timeout <time>         a request not answered within this counts as an error (default 30s)
  --window <time>          length of each summary window (default 10s, or a tenth of a run
                           shorter than 100s)
  --max-error-rate <r>     errors / requests above which the soak fails (default 0.001)
  --base-url <url>         aim at a server already running on 127.0.0.1 instead of starting one
  --tokens <list>          with --base-url: user:token pairs, comma-separated (default: the
                           server's development users from GET /auth/dev-users)
  --report-dir <dir>       where reports go (default reports/soak in the repository)
  --help                   print this text
`;

/** An option with an invalid value; the message names the option and what was expected. */
export class OptionError extends Error {}

/** Parses the arguments after `npm run soak --`; throws OptionError on the first invalid one. */
export function parseSoakOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        duration: { type: 'string', default: '10m' },
        help: { type: 'boolean', default: false },
        'max-error-rate': { type: 'string', default: '0.001' },
        'max-in-flight': { type: 'string', default: '64' },
        rate: { type: 'string', default: '20' },
        'report-dir': { type: 'string' },
        timeout: { type: 'string', default: '30s' },
        tokens: { type: 'string' },
        window: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new OptionError(error.message);
  }
  if (values.help) {
    return { help: true };
  }

  const durationMs = parseDuration('--duration', values.duration);
  const options = {
    baseUrl: values['base-url'] === undefined ? undefined : parseLocalUrl(values['base-url']),
    durationMs,
    maxErrorRate: parseNumber('--max-error-rate', values['max-error-rate'], { minimum: 0, maximum: 1 }),
    maxInFlight: parseNumber('--max-in-flight', values['max-in-flight'], { minimum: 1, maximum: 10_000, integer: true }),
    rate: parseNumber('--rate', values.rate, { minimum: 0.1, maximum: 1000 }),
    reportDir: values['report-dir'],
    timeoutMs: parseDuration('--timeout', values.timeout),
    tokens: values.tokens === undefined ? undefined : parseTokens(values.tokens),
    windowMs: values.window === undefined ? defaultWindowMs(durationMs) : parseDuration('--window', values.window),
  };
  if (options.tokens && !options.baseUrl) {
    throw new OptionError('--tokens: only valid with --base-url; the soak makes its own users for the server it starts');
  }
  return options;
}

/** Ten-second windows, or ten windows of at least a second when the run is shorter than 100 s. */
function defaultWindowMs(durationMs) {
  return durationMs >= 100_000 ? 10_000 : Math.max(1000, Math.round(durationMs / 10));
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `500ms`, `30s`, `10m`, `1h` or plain seconds into milliseconds. */
export function parseDuration(option, text) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const milliseconds = match ? Number(match[1]) * UNIT_MS[match[2] ?? 's'] : NaN;
  if (!(milliseconds >= 1)) {
    throw new OptionError(`${option}: expected a positive time such as 30s, 10m or 1h, got ${JSON.stringify(text)}`);
  }
  return milliseconds;
}

function parseNumber(option, text, { minimum, maximum, integer = false }) {
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value >= minimum && value <= maximum && (!integer || Number.isInteger(value));
  if (!valid) {
    throw new OptionError(`${option}: expected ${integer ? 'a whole number' : 'a number'} from ${minimum} to ${maximum}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Accepts only http URLs on the loopback interface, because the soak sends load nowhere else. */
function parseLocalUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new OptionError(`--base-url: expected a URL such as http://127.0.0.1:9292, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new OptionError(`--base-url: expected an http URL on 127.0.0.1 (the soak sends load only to this machine), got ${JSON.stringify(text)}`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Parses `alice:token-a,bob:token-b` into `[{ username, token }]`. */
function parseTokens(text) {
  const pairs = text.split(',').filter(Boolean).map((pair) => {
    const separator = pair.indexOf(':');
    if (separator <= 0 || separator === pair.length - 1) {
      throw new OptionError(`--tokens: expected user:token pairs separated by commas, got an entry without both parts`);
    }
    return { username: pair.slice(0, separator), token: pair.slice(separator + 1) };
  });
  if (pairs.length === 0) {
    throw new OptionError('--tokens: expected at least one user:token pair');
  }
  return pairs;
}
