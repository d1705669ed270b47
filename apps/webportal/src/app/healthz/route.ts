export const dynamic = 'force-dynamic';

/** Liveness of the web portal. */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
