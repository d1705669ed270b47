// Collects the outcome of every soak request and summarises them per window, per operation and
// per kind of error.

const EXAMPLES_PER_ERROR_KIND = 3;

/** Nearest-rank percentile of an ascending array, in whole milliseconds; null when it is empty. */
export function percentile(sortedValues, percent) {
  if (sortedValues.length === 0) {
    return null;
  }
  const rank = Math.max(1, Math.ceil((percent / 100) * sortedValues.length));
  return Math.round(sortedValues[rank - 1]);
}

function latencySummary(samples) {
  // Requests that never reached the server (not sent, refused connections) have no latency.
  const sorted = samples.filter((sample) => sample.latencyMs !== null).map((sample) => sample.latencyMs).sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99), maxMs: percentile(sorted, 100) };
}

function countBy(samples, key) {
  const counts = {};
  for (const sample of samples) {
    counts[key(sample)] = (counts[key(sample)] ?? 0) + 1;
  }
  return counts;
}

/**
 * Collector of samples `{ operation, user, method, path, status, outcome, reason, body, latencyMs, atMs }`.
 * `status` is the HTTP status or a word ('timeout', 'network error', 'not sent'). `outcome` is
 * 'ok', 'expected' (a 404 for an item the soak had deleted) or 'error', and `reason` explains an error.
 */
export class SoakRecorder {
  #samples = [];
  #windowSamples = [];
  #windowStartMs = 0;
  #errorKinds = new Map();
  windows = [];

  record(sample) {
    this.#samples.push(sample);
    this.#windowSamples.push(sample);
    if (sample.outcome === 'error') {
      this.#rememberError(sample);
    }
  }

  /** Ends the current window at `endMs` (since the load began) and returns its summary. */
  closeWindow(endMs, serverRssKb) {
    const samples = this.#windowSamples;
    const errors = samples.filter((sample) => sample.outcome === 'error');
    const window = {
      fromSeconds: round(this.#windowStartMs / 1000),
      toSeconds: round(endMs / 1000),
      requests: samples.length,
      errors: errors.length,
      expected404: samples.filter((sample) => sample.outcome === 'expected').length,
      errorsByStatus: countBy(errors, (sample) => String(sample.status)),
      ...latencySummary(samples),
      serverRssMb: serverRssKb === null ? null : round(serverRssKb / 1024),
    };
    this.windows.push(window);
    this.#windowSamples = [];
    this.#windowStartMs = endMs;
    return window;
  }

  get pendingInWindow() {
    return this.#windowSamples.length;
  }

  totals() {
    const samples = this.#samples;
    const errors = samples.filter((sample) => sample.outcome === 'error').length;
    return {
      requests: samples.length,
      errors,
      errorRate: samples.length === 0 ? 0 : errors / samples.length,
      expected404: samples.filter((sample) => sample.outcome === 'expected').length,
      errorsByStatus: countBy(samples.filter((sample) => sample.outcome === 'error'), (sample) => String(sample.status)),
      ...latencySummary(samples),
    };
  }

  /** Returns the requests, errors and latency of each operation, by operation name. */
  operations() {
    const byOperation = new Map();
    for (const sample of this.#samples) {
      if (!byOperation.has(sample.operation)) {
        byOperation.set(sample.operation, []);
      }
      byOperation.get(sample.operation).push(sample);
    }
    return [...byOperation].sort(([a], [b]) => a.localeCompare(b)).map(([operation, samples]) => ({
      operation,
      requests: samples.length,
      errors: samples.filter((sample) => sample.outcome === 'error').length,
      expected404: samples.filter((sample) => sample.outcome === 'expected').length,
      ...latencySummary(samples),
    }));
  }

  /** Returns each kind of error with its count and the first few examples, most frequent first. */
  errorKinds() {
    return [...this.#errorKinds.values()].sort((a, b) => b.count - a.count);
  }

  #rememberError(sample) {
    const kind = `${sample.operation}: ${sample.reason}`;
    const entry = this.#errorKinds.get(kind) ?? { kind, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < EXAMPLES_PER_ERROR_KIND) {
      entry.examples.push({
        atSeconds: round(sample.atMs / 1000),
        user: sample.user,
        request: `${sample.method} ${sample.path}`,
        status: sample.status,
        body: sample.body ?? null,
      });
    }
    this.#errorKinds.set(kind, entry);
  }
}

function round(value) {
  return Math.round(value * 10) / 10;
}
