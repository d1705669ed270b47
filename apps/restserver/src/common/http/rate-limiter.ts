/** Outcome of one request against its key's budget. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole seconds until the next request of this key would be allowed; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

const MINUTE_MS = 60_000;

/** Keys kept before idle ones are dropped early, which bounds the memory a flood of client addresses can take. */
const DEFAULT_MAX_KEYS = 100_000;

/**
 * A token bucket per key: each key may send `perMinute` requests at once, and gets its budget
 * back at `perMinute` requests per minute, so a steady client is never limited below that rate.
 *
 * NOTE: the buckets live in this process's memory. With several replicas each replica keeps its
 * own counts, so a client spread over N replicas may send up to N times the limit; a restart
 * forgets every count.
 */
export class TokenBucketRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweepMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {
    if (!(perMinute > 0)) {
      throw new RangeError(`perMinute must be positive, got ${perMinute}`);
    }
    this.lastSweepMs = now();
  }

  /** Counts one request of `key` and returns whether it is within the limit. */
  take(key: string): RateLimitDecision {
    const nowMs = this.now();
    this.sweepIfDue(nowMs);

    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAtMs: nowMs };
    bucket.tokens = this.refilled(bucket, nowMs);
    bucket.updatedAtMs = nowMs;
    this.buckets.set(key, bucket);

    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    const waitMs = ((1 - bucket.tokens) * MINUTE_MS) / this.perMinute;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Number of keys currently kept, for tests of the memory bound. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket, nowMs: number): number {
    const elapsedMs = Math.max(0, nowMs - bucket.updatedAtMs);
    return Math.min(this.perMinute, bucket.tokens + (elapsedMs * this.perMinute) / MINUTE_MS);
  }

  /**
   * Drops buckets that have refilled completely, since a fresh bucket behaves the same. Runs once
   * a minute, or at once when the key count reaches `maxKeys`. If too many keys remain after that,
   * the oldest buckets go first, which gives those keys a fresh budget early.
   */
  private sweepIfDue(nowMs: number): void {
    if (nowMs - this.lastSweepMs < MINUTE_MS && this.buckets.size < this.maxKeys) {
      return;
    }
    this.lastSweepMs = nowMs;

    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, nowMs) >= this.perMinute) {
        this.buckets.delete(key);
      }
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) {
        break;
      }
      this.buckets.delete(key);
    }
  }
}
