/**
 * Base URL of the REST API as browsers should call it: MARKETPLACE_API_URL when set, otherwise
 * `/marketplace/api` on the page's own origin, which is where OpenPAI's proxy routes it.
 */
export function apiUrlFromEnvironment(): string {
  return process.env.MARKETPLACE_API_URL?.trim() || '/marketplace/api';
}
