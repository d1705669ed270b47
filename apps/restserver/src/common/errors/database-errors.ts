/** Error codes of node's socket layer and PostgreSQL that mean "the database is not there". */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);
// 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; 08xxx: connection exceptions.
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08\d{3})$/;

/** Tells whether an error means the database cannot be reached, so the request deserves a 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && (UNAVAILABLE_SOCKET_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATE.test(candidate.code))) {
      return true;
    }
    if (typeof candidate.message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(candidate.message)) {
      return true;
    }
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}

/** Tells whether an error is PostgreSQL's "relation does not exist" (42P01): the schema is not migrated. */
export function isSchemaMissing(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  return candidate?.code === '42P01' || candidate?.driverError?.code === '42P01';
}
