/** A string in validated input that PostgreSQL cannot store as sent, with where it is. */
export interface UnstorableText {
  path: (string | number)[];
  message: string;
}

/**
 * Finds the first string that a text column cannot keep as sent: one holding U+0000, which
 * PostgreSQL rejects, or an unpaired UTF-16 surrogate, which the driver would silently store
 * as U+FFFD. Walks with an explicit stack, so a deeply nested value cannot overflow the call stack.
 */
export function findUnstorableText(value: unknown): UnstorableText | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];

  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;

    if (typeof current === 'string') {
      const problem = describeUnstorable(current);
      if (problem) {
        return { path, message: problem };
      }
    } else if (Array.isArray(current)) {
      current.forEach((element, index) => pending.push({ value: element, path: [...path, index] }));
    } else if (current !== null && typeof current === 'object') {
      Object.entries(current).forEach(([key, element]) => pending.push({ value: element, path: [...path, key] }));
    }
  }
  return undefined;
}

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describeUnstorable(text: string): string | undefined {
  if (text.includes('\u0000')) {
    return 'must not contain the NUL character (\\u0000), which the database cannot store';
  }
  if (UNPAIRED_SURROGATE.test(text)) {
    return 'must be valid Unicode text, but contains an unpaired surrogate (a \\uD800-\\uDFFF escape without its partner)';
  }
  return undefined;
}
