import { TokenBucketRateLimiter } from './rate-limiter';

/** Creates a clock that the test moves by hand. */
function manualClock(startMs = 1_000_000) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => void (nowMs += ms) };
}

describe('TokenBucketRateLimiter', () => {
  it('allows the whole budget at once, then rejects', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter(5, clock.now);

    const decisions = Array.from({ length: 6 }, () => limiter.take('user:alice'));

    expect(decisions.slice(0, 5).every((decision) => decision.allowed)).toBe(true);
    expect(decisions[5].allowed).toBe(false);
  });

  it('tells how long until the next request is allowed', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter(5, clock.now);
    for (let i = 0; i < 5; i++) limiter.take('user:alice');

    // Five a minute is one every 12 seconds.
    expect(limiter.take('user:alice').retryAfterSeconds).toBe(12);
    clock.advance(5_000);
    expect(limiter.take('user:alice').retryAfterSeconds).toBe(7);
  });

  it('allows a request again once Retry-After has passed', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter(5, clock.now);
    for (let i = 0; i < 5; i++) limiter.take('user:alice');

    const rejected = limiter.take('user:alice');
    clock.advance(rejected.retryAfterSeconds * 1000);

    expect(limiter.take('user:alice').allowed).toBe(true);
    expect(limiter.take('user:alice').allowed).toBe(false);
  });

  it('never limits a client below the per-minute rate', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter(60, clock.now);

    // One request a second for five minutes is exactly 60 a minute.
    for (let second = 0; second < 300; second++) {
      expect(limiter.take('user:alice').allowed).toBe(true);
      clock.advance(1_000);
    }
  });

  it('counts each key separately', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter(2, clock.now);
    limiter.take('user:alice');
    limiter.take('user:alice');

    expect(limiter.take('user:alice').allowed).toBe(false);
    expect(limiter.take('user:bob').allowed).toBe(true);
    expect(limiter.take('address:127.0.0.1').allowed).toBe(true);
  });

  it('forgets keys whose budget has refilled', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter(10, clock.now);
    for (let i = 0; i < 50; i++) limiter.take(`address:192.0.2.${i}`);
    expect(limiter.size).toBe(50);

    clock.advance(61_000);
    limiter.take('user:alice');

    expect(limiter.size).toBe(1);
  });

  it('keeps at most maxKeys keys', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter(10, clock.now, 100);

    for (let i = 0; i < 1_000; i++) limiter.take(`address:198.51.100.${i}`);

    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('rejects a limit that is not positive', () => {
    expect(() => new TokenBucketRateLimiter(0)).toThrow(RangeError);
  });
});
