import { checkJobProtocol } from '@openpai-marketplace/shared-types';

import { OFFICIAL_EXAMPLES } from './seed-examples';

describe('official examples', () => {
  it('include at least eight job and data templates', () => {
    expect(OFFICIAL_EXAMPLES.length).toBeGreaterThanOrEqual(8);
    expect(OFFICIAL_EXAMPLES.some((example) => example.type === 'template')).toBe(true);
    expect(OFFICIAL_EXAMPLES.some((example) => example.type === 'data')).toBe(true);
  });

  it('have distinct ids and names', () => {
    expect(new Set(OFFICIAL_EXAMPLES.map((example) => example.id)).size).toBe(OFFICIAL_EXAMPLES.length);
    expect(new Set(OFFICIAL_EXAMPLES.map((example) => example.name)).size).toBe(OFFICIAL_EXAMPLES.length);
  });

  it.each(OFFICIAL_EXAMPLES.map((example) => [example.id, example] as const))('%s passes the protocol rule', (_id, example) => {
    const check = checkJobProtocol(example.protocol);
    expect(check.valid ? [] : check.problems).toEqual([]);
  });

  it.each(OFFICIAL_EXAMPLES.map((example) => [example.id, example] as const))('%s fits the columns', (_id, example) => {
    expect(example.name.length).toBeLessThanOrEqual(255);
    expect(example.summary.length).toBeLessThanOrEqual(255);
    expect(example.description).toMatch(/^# /);
  });
});
