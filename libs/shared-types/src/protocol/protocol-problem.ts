/** One reason why a job protocol was rejected. */
export interface ProtocolProblem {
  /** Dotted path rooted at `protocol`, such as `protocol.taskRoles.train.commands`. */
  field: string;
  /** One sentence that names the field and what was expected. */
  message: string;
  /** 1-based line in the YAML text, when the position is known. */
  line?: number;
}

/** Result of checkJobProtocol: the parsed protocol, or the problems found. */
export type ProtocolCheck =
  | { valid: true; protocol: Record<string, unknown> }
  | { valid: false; problems: ProtocolProblem[] };

/** Keys and list indexes from the document root to a value. */
export type FieldPath = readonly (string | number)[];

/** Maximum number of characters of a user-supplied value that a message repeats. */
const MAX_QUOTED_CHARACTERS = 80;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

// eslint-disable-next-line no-control-regex -- control characters are what this matches.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f<>&\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Formats a path as `protocol.a.b[0]`. Keys that would make the dotted form ambiguous,
 * such as `"my role"` or `"a.b"`, are written in brackets as quoted strings.
 */
export function formatField(path: FieldPath): string {
  let field = 'protocol';

  for (const segment of path) {
    if (typeof segment === 'number') {
      field += `[${segment}]`;
    } else if (PLAIN_KEY.test(segment) && segment.length <= MAX_QUOTED_CHARACTERS) {
      field += `.${segment}`;
    } else {
      field += `[${quoteText(segment)}]`;
    }
  }

  return field;
}

/** Quotes user text for a message: at most 80 characters, escaped with JSON.stringify. */
export function quoteText(text: string): string {
  const characters = Array.from(text);
  const prefix = characters.slice(0, MAX_QUOTED_CHARACTERS).join('');
  const quoted = escapeUnsafeCharacters(JSON.stringify(prefix));

  if (characters.length <= MAX_QUOTED_CHARACTERS) {
    return quoted;
  }
  return `${quoted}... (${characters.length} characters)`;
}

/**
 * Replaces control characters, `<`, `>`, `&`, Unicode line separators and bidirectional
 * controls with `\uXXXX` escapes. JSON.stringify escapes only U+0000 to U+001F.
 */
export function escapeUnsafeCharacters(text: string): string {
  return text.replace(
    UNSAFE_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Describes a parsed YAML value for the "but is ..." part of a message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return quoteText(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty list' : 'a list';
  }
  if (value instanceof Uint8Array) {
    return 'binary data';
  }
  return 'a mapping';
}
