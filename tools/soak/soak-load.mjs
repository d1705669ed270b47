// Sends the soak's requests at a fixed rate (an open model: a timer starts each request on
// schedule, so a slow server shows as longer latency, never as fewer requests) and classifies
// each response.
import { nextRequest } from './soak-operations.mjs';

/** How long requests in flight may finish after an interrupt before they are abandoned. */
const INTERRUPT_GRACE_MS = 5000;
const BODY_EXCERPT_CHARACTERS = 300;

export class SoakLoad {
  #abandoned = 0;
  #abandoning = false;
  /** Abort controllers of the requests in flight, so that an interrupt can abandon them. */
  #controllers = new Set();
  #inFlight = 0;
  #nextTick;
  #settled = () => {};
  #startMs = 0;
  #stopTicking = () => {};
  #stoppedBy;
  #windowTimer;

  /**
   * `options`: rate (per second), durationMs, maxInFlight, timeoutMs, windowMs. `context`: users,
   * items and tags, as soak-operations.mjs expects. `readServerRssKb` returns the server's RSS or null.
   */
  constructor({ baseUrl, context, recorder, options, readServerRssKb, log }) {
    Object.assign(this, { baseUrl, context, recorder, options, readServerRssKb, log });
  }

  /** Runs until the duration ends or stop() is called; resolves once no request is outstanding. */
  async run() {
    this.#startMs = performance.now();
    this.#scheduleWindow(1);
    await this.#sendOnSchedule();
    await this.#drain();

    clearTimeout(this.#windowTimer);
    if (this.recorder.pendingInWindow > 0 || this.recorder.windows.length === 0) {
      this.#closeWindow();
    }
    return { stoppedBy: this.#stoppedBy ?? 'duration', elapsedMs: performance.now() - this.#startMs, abandoned: this.#abandoned };
  }

  /**
   * Stops sending. Requests in flight get a few seconds to finish and are then abandoned (not
   * counted); a second call abandons them at once.
   */
  stop(reason) {
    if (this.#stoppedBy) {
      this.#abandonRequestsInFlight();
      return;
    }
    this.#stoppedBy = reason;
    this.#stopTicking();
    setTimeout(() => this.#abandonRequestsInFlight(), Math.min(INTERRUPT_GRACE_MS, this.options.timeoutMs)).unref();
  }

  #abandonRequestsInFlight() {
    this.#abandoning = true;
    for (const controller of this.#controllers) {
      controller.abort();
    }
  }

  #sendOnSchedule() {
    const intervalMs = 1000 / this.options.rate;
    const endMs = this.#startMs + this.options.durationMs;
    let sent = 0;

    return new Promise((done) => {
      const tick = () => {
        // Catch up on every request that came due, even if the timer fired late.
        const now = performance.now();
        while (!this.#stoppedBy && this.#startMs + sent * intervalMs <= now && this.#startMs + sent * intervalMs < endMs) {
          this.#start(this.#startMs + sent * intervalMs);
          sent += 1;
        }
        const nextDue = this.#startMs + sent * intervalMs;
        if (this.#stoppedBy || nextDue >= endMs) {
          done();
          return;
        }
        this.#nextTick = setTimeout(tick, Math.max(0, nextDue - performance.now()));
      };
      this.#stopTicking = () => {
        clearTimeout(this.#nextTick);
        done();
      };
      tick();
    });
  }

  #drain() {
    this.#stopTicking();
    return this.#inFlight === 0 ? Promise.resolve() : new Promise((done) => (this.#settled = done));
  }

  #start(dueMs) {
    if (this.#inFlight >= this.options.maxInFlight) {
      this.recorder.record({
        operation: '(any)', user: null, method: '', path: '', status: 'not sent', outcome: 'error', latencyMs: null, atMs: dueMs - this.#startMs,
        reason: `not sent: ${this.options.maxInFlight} requests were already in flight`,
      });
      return;
    }
    const request = nextRequest(this.context);
    this.#inFlight += 1;
    void this.#send(request, dueMs).finally(() => {
      this.#inFlight -= 1;
      request.onSettled?.();
      if (this.#inFlight === 0) {
        this.#settled();
      }
    });
  }

  async #send(request, dueMs) {
    const sample = { operation: request.operation, user: request.user.username, method: request.method, path: request.path };
    // A timer of our own rather than AbortSignal.timeout(): Node 20 can garbage-collect a timeout
    // signal combined by AbortSignal.any() before it fires (nodejs/node pull request 57867), and
    // requests then hung past the timeout.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    this.#controllers.add(controller);
    try {
      const response = await fetch(`${request.baseUrl ?? this.baseUrl}${request.path}`, {
        method: request.method,
        headers: { Authorization: `Bearer ${request.user.token}`, ...(request.body ? { 'Content-Type': 'application/json' } : {}) },
        body: request.body ? JSON.stringify(request.body) : undefined,
        signal: controller.signal,
      });
      const text = await response.text();
      // Latency counts from when the request was due, so a late timer cannot hide a slow server.
      const latencyMs = performance.now() - dueMs;
      this.recorder.record({ ...sample, ...this.#classify(request, response, text), latencyMs, atMs: performance.now() - this.#startMs });
    } catch (error) {
      if (this.#abandoning && !timedOut) {
        this.#abandoned += 1;
        return;
      }
      this.recorder.record({
        ...sample,
        status: timedOut ? 'timeout' : 'network error',
        outcome: 'error',
        reason: timedOut ? `timed out after ${this.options.timeoutMs / 1000} s` : `network error (${error.cause?.code ?? error.message})`,
        latencyMs: timedOut ? performance.now() - dueMs : null,
        atMs: performance.now() - this.#startMs,
      });
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(controller);
    }
  }

  /** Decides whether a response is what a healthy server sends for this request. */
  #classify(request, response, text) {
    const status = response.status;
    const body = text.slice(0, BODY_EXCERPT_CHARACTERS);
    if (status === request.expectStatus) {
      const parsed = parseBody(response, text);
      const problem = parsed.problem ?? request.check?.(parsed.body);
      if (problem) {
        return { status, outcome: 'error', reason: `HTTP ${status} with an unexpected body: ${problem}`, body };
      }
      request.onSuccess?.(parsed.body);
      return { status, outcome: 'ok' };
    }
    if (status === 404 && request.itemId && this.context.items.wasDeleted(request.itemId)) {
      return { status, outcome: 'expected' };
    }
    const reason = status === 404 && request.itemId ? 'HTTP 404 for an item the soak had not deleted' : `HTTP ${status}`;
    return { status, outcome: 'error', reason, body };
  }

  #scheduleWindow(index) {
    const dueMs = this.#startMs + index * this.options.windowMs;
    this.#windowTimer = setTimeout(() => {
      this.#closeWindow();
      this.#scheduleWindow(index + 1);
    }, Math.max(0, dueMs - performance.now()));
  }

  #closeWindow() {
    const window = this.recorder.closeWindow(performance.now() - this.#startMs, this.readServerRssKb());
    const latency = window.p50Ms === null ? 'no latency' : `p50 ${window.p50Ms} ms, p95 ${window.p95Ms} ms, p99 ${window.p99Ms} ms`;
    const memory = window.serverRssMb === null ? '' : `, server RSS ${window.serverRssMb} MB`;
    this.log(`[${window.toSeconds.toFixed(1).padStart(6)} s] ${window.requests} requests, ${window.errors} errors, ${latency}${memory}`);
  }
}

/** Parses a JSON body by its content type; any other body stays text. */
function parseBody(response, text) {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
    return { body: text };
  }
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { problem: 'the body is not valid JSON' };
  }
}
