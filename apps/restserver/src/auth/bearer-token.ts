import { UnauthorizedError } from '../common/errors/domain-error';

/** Maximum token length accepted; OpenPAI's JWTs are far shorter. */
const MAX_TOKEN_LENGTH = 8192;

/** Returns the token of an `Authorization: Bearer <token>` header, or throws UnauthorizedError. */
export function extractBearerToken(header: string | undefined): string {
  if (!header) {
    throw new UnauthorizedError('Authentication required: send the header "Authorization: Bearer <token>".');
  }

  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new UnauthorizedError('The Authorization header must have the form "Bearer <token>".');
  }
  if (match[1].length > MAX_TOKEN_LENGTH) {
    throw new UnauthorizedError(`The bearer token is longer than ${MAX_TOKEN_LENGTH} characters.`);
  }
  return match[1];
}
