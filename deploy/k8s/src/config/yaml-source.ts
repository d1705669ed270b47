import { parse, parseDocument } from 'yaml';

/**
 * A YAML number or boolean together with the text it was written as. Keys that hold text (user
 * names, passwords, tags) use `source`, so `passwd: 0123` stays "0123" instead of becoming 123.
 */
export class TypedScalar {
  constructor(
    readonly value: number | boolean,
    readonly source: string,
  ) {}
}

/** A parsed configuration value: text, null, a typed scalar, a list or a mapping. */
export type RawValue = string | null | TypedScalar | RawValue[] | { [key: string]: RawValue };
export type RawMapping = { [key: string]: RawValue };

/** Raised for a file that is not valid YAML; the message names the file and the line. */
export class YamlSyntaxError extends Error {}

/**
 * Parses YAML text twice: once with the core schema for types, once with the failsafe schema,
 * which keeps every scalar as the text written in the file.
 */
export function parseYamlSource(text: string, fileName: string): RawValue {
  const document = parseDocument(text);
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0];
    const where = line ? `${fileName}, line ${line.line}, column ${line.col}` : fileName;
    throw new YamlSyntaxError(`${where}: invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const typed: unknown = document.toJS();
  const asText: unknown = parse(text, { schema: 'failsafe' });
  return attachSource(typed, asText);
}

function attachSource(typed: unknown, asText: unknown): RawValue {
  if (typed === null || typed === undefined) {
    return null;
  }
  if (typeof typed === 'string') {
    return typed;
  }
  if (typeof typed === 'number' || typeof typed === 'boolean') {
    return new TypedScalar(typed, typeof asText === 'string' ? asText : String(typed));
  }
  if (Array.isArray(typed)) {
    const texts = Array.isArray(asText) ? asText : [];
    return typed.map((item, index) => attachSource(item, texts[index]));
  }
  if (typed instanceof Date) {
    return typeof asText === 'string' ? asText : typed.toISOString();
  }
  if (typeof typed === 'object') {
    const texts = isPlainObject(asText) ? asText : {};
    const mapping: RawMapping = {};
    for (const [key, value] of Object.entries(typed as Record<string, unknown>)) {
      mapping[key] = attachSource(value, texts[key]);
    }
    return mapping;
  }
  return String(typed);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRawMapping(value: RawValue | undefined): value is RawMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof TypedScalar);
}

/** Returns the value at `path`, or undefined when a step is missing or not a mapping or list. */
export function rawValueAt(root: RawValue, path: readonly PropertyKey[]): RawValue | undefined {
  let current: RawValue | undefined = root;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number') {
      current = current[step];
    } else if (isRawMapping(current) && typeof step === 'string') {
      current = current[step];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Describes a value for an error message, as the user wrote it. */
export function describeRawValue(value: RawValue | undefined): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (value instanceof TypedScalar) {
    return value.source;
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  return Array.isArray(value) ? 'a list' : 'a mapping';
}
