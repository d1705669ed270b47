import { apiUrlFromEnvironment } from '../../server/runtime-config';

export const dynamic = 'force-dynamic';

/**
 * Readiness of the web portal: it serves pages and knows where the API is. It does not call the
 * API, whose own readiness is checked separately, so a slow API never takes the portal out of service.
 */
export function GET(): Response {
  return Response.json({ status: 'ok', checks: { apiUrl: { ok: true, message: apiUrlFromEnvironment() } } });
}
