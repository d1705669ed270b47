import { z } from 'zod';
import { TypedScalar, isRawMapping, type RawValue } from './yaml-source';

/*
 * Field types for the configuration schema. Each takes a RawValue (see yaml-source) and reports
 * only "expected …"; the error formatter appends what the file contained at that path.
 */

/** Text as written in the file: numbers and booleans keep their source text. */
export const text = (expected = 'expected a string') =>
  z.custom<RawValue>().optional().transform((value, context): string => {
    if (typeof value === 'string') {
      return value;
    }
    if (value instanceof TypedScalar) {
      return value.source;
    }
    context.addIssue({ code: 'custom', message: value === null ? `${expected} (quote "null" if you mean that text)` : expected });
    return z.NEVER;
  });

export const nonEmptyText = (expected = 'expected a non-empty string') =>
  text(expected).refine((value) => value.length > 0, { message: expected });

/** Parses an integer written as a YAML number or as digits in a string. */
export const integerIn = (minimum: number, maximum: number) => {
  const expected = `expected an integer ${minimum}–${maximum}`;
  return z.custom<RawValue>().optional().transform((value, context): number => {
    let parsed: number | undefined;
    if (value instanceof TypedScalar && typeof value.value === 'number') {
      parsed = value.value;
    } else if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
      parsed = Number(value.trim());
    }
    if (parsed === undefined || !Number.isInteger(parsed) || parsed < minimum || parsed > maximum) {
      context.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return parsed;
  });
};

export const port = () => integerIn(1, 65535);

/**
 * An on/off switch: a YAML boolean or the strings "true" and "false". paictl compares some
 * switches with the string "true" and tests others for truthiness, so every other value is
 * rejected instead of being guessed.
 */
export const flag = () =>
  z.custom<RawValue>().optional().transform((value, context): boolean => {
    if (value instanceof TypedScalar && typeof value.value === 'boolean') {
      return value.value;
    }
    if (value === 'true' || value === 'false') {
      return value === 'true';
    }
    context.addIssue({ code: 'custom', message: 'expected true or false' });
    return z.NEVER;
  });

/** Unwraps a TypedScalar, which is an object and would otherwise pass for a mapping. */
export function plainScalar(value: unknown): unknown {
  return value instanceof TypedScalar ? value.value : value;
}

/**
 * A mapping of known keys; a missing or empty (null) section means every default. Every key has
 * a default or is optional, so `{}` is a valid input, which zod's generic types cannot express.
 */
export const section = <Shape extends z.ZodRawShape>(shape: Shape, expected = 'expected a mapping') =>
  z.preprocess((value) => (value === null ? undefined : plainScalar(value)), z.object(shape, { error: expected }).prefault({} as never));

/** A mapping whose keys are free and whose values are text (a plugin's `config`). */
export const textMapping = () =>
  z.custom<RawValue>().optional().transform((value, context): Array<[string, string]> => {
    if (!isRawMapping(value)) {
      context.addIssue({ code: 'custom', message: 'expected a mapping of names to text' });
      return z.NEVER;
    }
    const pairs: Array<[string, string]> = [];
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry === 'string') {
        pairs.push([key, entry]);
      } else if (entry instanceof TypedScalar) {
        pairs.push([key, entry.source]);
      } else {
        context.addIssue({ code: 'custom', message: 'expected text', path: [key] });
      }
    }
    return pairs;
  });
