import type { DataSourceOptions } from 'typeorm';

import { describeTarget, FIRST_RETRY_DELAY_MS, retryDelayMs } from './connect-database';

describe('retryDelayMs', () => {
  it('doubles from the first delay up to the maximum', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt, 30_000));
    expect(delays).toEqual([FIRST_RETRY_DELAY_MS, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('stays at the maximum after many attempts', () => {
    expect(retryDelayMs(10_000, 30_000)).toBe(30_000);
  });

  it('never exceeds a maximum below the first delay', () => {
    expect(retryDelayMs(1, 250)).toBe(250);
  });
});

describe('describeTarget', () => {
  it('names host, port, database and user of a URL without its password', () => {
    const options = { type: 'postgres', url: 'postgres://market%20user:s3cret-pass@db.internal:9291/marketplace' } as DataSourceOptions;
    expect(describeTarget(options)).toBe('db.internal:9291/marketplace as market user');
    expect(describeTarget(options)).not.toContain('s3cret-pass');
  });

  it('names the parts of separate parameters without the password', () => {
    const options = { type: 'postgres', host: '127.0.0.1', port: 5432, username: 'marketplace', password: 's3cret-pass', database: 'market' } as DataSourceOptions;
    expect(describeTarget(options)).toBe('127.0.0.1:5432/market as marketplace');
  });
});
