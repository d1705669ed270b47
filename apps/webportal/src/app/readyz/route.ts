import { apiUrlFromEnvironment } from '../../server/runtime-config';

export const dynamic = 'force-dynamic';

/**
 * Reports the web portal's readiness: it serves pages and has an API address. It does not call the
 * API, whose own readiness is checked separately, so a slow API never takes the portal out of service.
 */
export function GET(): Response {
  return Response.json({ status: 'ok', checks: { apiUrl: { ok: true, message: apiUrlFromEnvironment() } } });
}
