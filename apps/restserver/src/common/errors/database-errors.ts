/** Error codes of node's socket layer and PostgreSQL that mean "the database is not there". */
const UNAVAILABLE_SOCKET_CODES = new Set(['EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'ETIMEDOUT']);
// 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; 08xxx: connection exceptions.
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08\d{3})$/;

/**
 * Messages of node-postgres errors that carry no code: the server closed the connection, the
 * pool timed out waiting for one, or a transaction went on using a client whose connection died.
 */
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client was closed and is not queryable|Client has encountered a connection error/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** The error and the errors it wraps (TypeORM's driverError, an Error's cause), outermost first. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as ErrorLike;
    chain.push(candidate);
    current = candidate.driverError ?? candidate.cause;
  }
  return chain;
}

/** Tells whether an error means the database cannot be reached, so the request deserves a 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some(
    (candidate) =>
      (typeof candidate.code === 'string' && (UNAVAILABLE_SOCKET_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATE.test(candidate.code))) ||
      (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGE.test(candidate.message)),
  );
}

/**
 * PostgreSQL's five-character SQLSTATE of an error or of the driver error it wraps, if any. Every
 * SQLSTATE contains a digit, which tells it apart from node's five-letter codes such as EPIPE.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const withState = errorChain(error).find((candidate) => typeof candidate.code === 'string' && /^(?=.*\d)[0-9A-Z]{5}$/.test(candidate.code));
  return withState?.code as string | undefined;
}

/** Tells whether an error is PostgreSQL's "relation does not exist" (42P01): the schema is not migrated. */
export function isSchemaMissing(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  return candidate?.code === '42P01' || candidate?.driverError?.code === '42P01';
}
