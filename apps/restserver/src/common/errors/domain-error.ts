import type { ErrorDetail } from '@openpai-marketplace/shared-types';

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

/** Quotes a client-supplied value for an error message: escaped, and cut to a readable length. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const shortened = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return JSON.stringify(shortened);
}
