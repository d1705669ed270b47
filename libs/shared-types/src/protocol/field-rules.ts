import { describeValue, formatField, type FieldPath, type ProtocolProblem } from './protocol-problem';

export type Mapping = Record<string, unknown>;

/** Collects problems, each with the line of its field. */
export class ProblemCollector {
  readonly problems: ProtocolProblem[] = [];

  constructor(private readonly lineOf: (path: FieldPath) => number | undefined) {}

  /** Adds a problem whose message is the field followed by `predicate`. */
  report(path: FieldPath, predicate: string): void {
    const field = formatField(path);
    this.problems.push({ field, message: `${field} ${predicate}`, line: this.lineOf(path) });
  }

  reportMismatch(path: FieldPath, expected: string, value: unknown): void {
    this.report(path, `must be ${expected}, but is ${describeValue(value)}`);
  }
}

/** Check of one value, with the wording used when the value is wrong or missing. */
export interface FieldRule {
  expected: string;
  check(problems: ProblemCollector, path: FieldPath, value: unknown): void;
}

/** Keys a mapping may contain, the keys it must contain and whether others are allowed. */
export interface MappingShape {
  /** Expected value as messages name it. The default is "a mapping". */
  expected?: string;
  fields: Readonly<Record<string, FieldRule>>;
  required?: readonly string[];
  allowOtherKeys?: boolean;
}

export function isMapping(value: unknown): value is Mapping {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

/** Builds a rule from a type test, for values that need no further checks. */
export function valueRule(expected: string, isExpected: (value: unknown) => boolean): FieldRule {
  return {
    expected,
    check(problems, path, value) {
      if (!isExpected(value)) {
        problems.reportMismatch(path, expected, value);
      }
    },
  };
}

export const stringRule = valueRule('a string', (value) => typeof value === 'string');

export const anyMappingRule = valueRule('a mapping', isMapping);

export const integerOrNullRule = valueRule(
  'an integer or null',
  (value) => value === null || Number.isSafeInteger(value),
);

export function integerRule(minimum?: number): FieldRule {
  const expected = minimum === undefined ? 'an integer' : `an integer of at least ${minimum}`;
  return valueRule(
    expected,
    (value) => Number.isSafeInteger(value) && (minimum === undefined || (value as number) >= minimum),
  );
}

/** Rule for a list whose items all follow `itemRule`. */
export function listRule(itemRule: FieldRule, options: { nonEmpty: boolean }): FieldRule {
  const qualifier = options.nonEmpty ? 'a non-empty list' : 'a list';
  const expected = `${qualifier} of ${pluralize(itemRule.expected)}`;

  return {
    expected,
    check(problems, path, value) {
      if (!Array.isArray(value) || (options.nonEmpty && value.length === 0)) {
        problems.reportMismatch(path, expected, value);
        return;
      }

      for (const [index, item] of value.entries()) {
        itemRule.check(problems, [...path, index], item);
      }
    },
  };
}

export function stringListRule(options: { nonEmpty: boolean }): FieldRule {
  return listRule(stringRule, options);
}

/** Rule for a mapping with the given shape. */
export function mappingRule(shape: MappingShape): FieldRule {
  return {
    expected: shape.expected ?? 'a mapping',
    check(problems, path, value) {
      checkMapping(problems, path, value, shape);
    },
  };
}

/**
 * Rule for a mapping from names to values of one kind, such as task role names to task
 * roles. `checkName`, when given, checks each name.
 */
export function namedValuesRule(
  expected: string,
  valueRule: FieldRule,
  options: {
    nonEmpty: boolean;
    checkName?: (problems: ProblemCollector, path: FieldPath, name: string) => void;
  },
): FieldRule {
  return {
    expected,
    check(problems, path, value) {
      if (!isMapping(value) || (options.nonEmpty && Object.keys(value).length === 0)) {
        problems.reportMismatch(path, expected, value);
        return;
      }

      for (const [name, entry] of Object.entries(value)) {
        options.checkName?.(problems, [...path, name], name);
        valueRule.check(problems, [...path, name], entry);
      }
    },
  };
}

/**
 * Checks a mapping against its shape: each known key by its rule, unknown keys unless
 * the shape allows them, then missing required keys.
 */
export function checkMapping(problems: ProblemCollector, path: FieldPath, value: unknown, shape: MappingShape): void {
  if (!isMapping(value)) {
    problems.reportMismatch(path, shape.expected ?? 'a mapping', value);
    return;
  }

  // Object.hasOwn keeps keys such as "constructor" from matching Object.prototype members.
  for (const [key, entry] of Object.entries(value)) {
    if (Object.hasOwn(shape.fields, key)) {
      shape.fields[key].check(problems, [...path, key], entry);
    } else if (!shape.allowOtherKeys) {
      const allowed = Object.keys(shape.fields).join(', ');
      problems.report([...path, key], `is not an allowed key (allowed keys: ${allowed})`);
    }
  }

  for (const key of shape.required ?? []) {
    if (!Object.hasOwn(value, key)) {
      problems.report([...path, key], `is required and must be ${shape.fields[key].expected}`);
    }
  }
}

/** Rule for `protocolVersion`, which the job and its parts may each carry. */
export const protocolVersionRule = valueRule('2 or "2"', (value) => value === 2 || value === '2');

function pluralize(expected: string): string {
  return expected.replace(/^an? /, '').replace(/^(\w+)/, '$1s');
}
