import { apiUrlFromEnvironment } from '../../server/runtime-config';

export const dynamic = 'force-dynamic';

/** Runtime settings the plugin fetches next to plugin.js, so the built bundle serves every cluster. */
export function GET(): Response {
  return Response.json({ apiUrl: apiUrlFromEnvironment() }, { headers: { 'Cache-Control': 'no-store' } });
}
