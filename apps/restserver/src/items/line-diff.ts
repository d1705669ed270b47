import type { LineDiff } from '@openpai-marketplace/shared-types';

/** Above this many lines on either side, the diff shows the whole text replaced rather than spend quadratic time. */
const MAX_DIFF_LINES = 3000;

/** Diffs two texts line by line with a longest-common-subsequence table. */
export function lineDiff(before: string, after: string): LineDiff {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) {
    return [...a.map((line) => ({ op: '-' as const, line })), ...b.map((line) => ({ op: '+' as const, line }))];
  }

  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }

  const diff: LineDiff = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      diff.push({ op: ' ', line: a[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      diff.push({ op: '-', line: a[i++] });
    } else {
      diff.push({ op: '+', line: b[j++] });
    }
  }
  while (i < a.length) diff.push({ op: '-', line: a[i++] });
  while (j < b.length) diff.push({ op: '+', line: b[j++] });
  return diff;
}
