import { Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

import type { ErrorDetail } from '@openpai-marketplace/shared-types';

import { BadRequestError } from '../errors/domain-error';
import { findUnstorableText } from './storable-text';

type Location = 'body' | 'query' | 'path';

/**
 * Validates a body, query or path parameter against a schema from shared-types, so the same
 * definition gives the type, the check and the OpenAPI schema. Fails with 400 naming each
 * invalid field and what was expected.
 */
@Injectable()
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly location: Location,
    private readonly name?: string,
  ) {}

  transform(value: unknown): z.output<Schema> {
    return parseOrThrow(this.schema, value, this.location, this.name);
  }
}

export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, location: Location, name?: string): z.output<Schema> {
  if (location === 'body' && (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new BadRequestError('invalid_body', `The request body must be a JSON object sent with Content-Type: application/json, but is ${describeBody(value)}.`, [
      { field: 'body', message: 'must be a JSON object' },
    ]);
  }

  // With reportInput, a missing value has no `input` on its issue and a value of the wrong type has one.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const details = result.error.issues.slice(0, 20).map((issue) => ({ field: fieldName(location, name, issue.path), message: describeIssue(issue) }));
    throw invalidInput(location, details);
  }

  // Checked on the parsed value, so that fields the schema drops are never refused.
  const unstorable = findUnstorableText(result.data);
  if (unstorable) {
    throw invalidInput(location, [{ field: fieldName(location, name, unstorable.path), message: unstorable.message }]);
  }
  return result.data;
}

function fieldName(location: Location, name: string | undefined, path: readonly PropertyKey[]): string {
  const field = [name ?? (location === 'body' ? undefined : location), ...path.map(String)].filter(Boolean).join('.');
  return field || location;
}

function invalidInput(location: Location, details: ErrorDetail[]): BadRequestError {
  const first = details[0];
  return new BadRequestError(`invalid_${location}`, `Invalid ${location === 'path' ? 'path parameter' : location}: ${first.field} ${first.message}.`, details);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const hasInput = 'input' in issue && issue.input !== undefined;
  switch (issue.code) {
    case 'invalid_type':
      return hasInput ? `must be ${article(issue.expected)}, not ${typeName(issue.input)}` : `is required (expected ${issue.expected})`;
    case 'too_big':
      return `must ${describeBound('at most', issue.origin, issue.maximum)}`;
    case 'too_small':
      return `must ${describeBound('at least', issue.origin, issue.minimum)}`;
    case 'invalid_value': {
      const allowed = `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
      if (!hasInput) {
        return `is required (expected ${allowed})`;
      }
      return Array.isArray(issue.input) ? `must be ${allowed}, not ${typeName(issue.input)}` : `must be ${allowed}`;
    }
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

/** Words a size bound in the unit of what it limits: characters, entries, or the value itself. */
function describeBound(side: 'at most' | 'at least', origin: string, bound: number | bigint): string {
  if (origin === 'string') {
    return `be ${side} ${bound} character${bound === 1 ? '' : 's'} long`;
  }
  if (origin === 'array' || origin === 'set') {
    return `have ${side} ${bound} entries`;
  }
  return `be ${side} ${bound}`;
}

function describeBody(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function article(typeName: string): string {
  return /^[aeiou]/.test(typeName) ? `an ${typeName}` : `a ${typeName}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (was the parameter given more than once?)';
  return typeof value;
}
