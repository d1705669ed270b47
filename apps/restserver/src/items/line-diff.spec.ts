import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('keeps equal lines and marks changes', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: ' ', line: 'a' },
      { op: '-', line: 'b' },
      { op: '+', line: 'x' },
      { op: ' ', line: 'c' },
    ]);
  });

  it('handles empty sides', () => {
    expect(lineDiff('', 'a')).toEqual([{ op: '+', line: 'a' }]);
    expect(lineDiff('a', '')).toEqual([{ op: '-', line: 'a' }]);
    expect(lineDiff('', '')).toEqual([]);
  });

  it('replaces whole texts over the line limit', () => {
    const long = Array.from({ length: 3001 }, (_, index) => `line ${index}`).join('\n');
    const diff = lineDiff(long, 'short');
    expect(diff.filter((entry) => entry.op === '-')).toHaveLength(3001);
    expect(diff[diff.length - 1]).toEqual({ op: '+', line: 'short' });
  });
});
