import { Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

import type { ErrorDetail } from '@openpai-marketplace/shared-types';

import { BadRequestError } from '../errors/domain-error';

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
    throw new BadRequestError('invalid_body', 'The request body must be a JSON object sent with Content-Type: application/json.');
  }

  // With reportInput, a missing value has no `input` on its issue and a value of the wrong type has one.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) {
    return result.data;
  }

  const details: ErrorDetail[] = result.error.issues.slice(0, 20).map((issue) => {
    const field = [name ?? (location === 'body' ? undefined : location), ...issue.path.map(String)].filter(Boolean).join('.');
    return { field: field || location, message: describeIssue(issue) };
  });
  const first = details[0];
  throw new BadRequestError(`invalid_${location}`, `Invalid ${location === 'path' ? 'path parameter' : location}: ${first.field} ${first.message}.`, details);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'input' in issue && issue.input !== undefined ? `must be ${article(issue.expected)}, not ${typeName(issue.input)}` : `is required (expected ${issue.expected})`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters long` : `must have at most ${issue.maximum} entries`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'} long` : `must have at least ${issue.minimum} entries`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

function article(typeName: string): string {
  return /^[aeiou]/.test(typeName) ? `an ${typeName}` : `a ${typeName}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (was the parameter given more than once?)';
  return typeof value;
}
