import { quoteText, type ErrorDetail } from '@openpai-marketplace/shared-types';

/**
 * An expected failure with its HTTP status and stable code. Resources throw subclasses of
 * this; the global filter turns every one into the shared error body.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super(400, code, message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message: string) {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, message: string) {
    super(403, code, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(404, code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(code: string, message: string) {
    super(503, code, message);
  }
}

/**
 * Quotes a client-supplied value for an error message: at most 80 characters, in JSON string
 * syntax, with markup characters, control characters and bidirectional controls written as
 * `\uXXXX`, so that no error body repeats a value raw.
 */
export function quote(value: unknown): string {
  return quoteText(typeof value === 'string' ? value : String(value));
}
