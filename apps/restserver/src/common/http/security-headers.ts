import type { NextFunction, Request, Response } from 'express';

/** Path of the Swagger UI page and its assets, the only HTML this server sends. */
const API_DOCS_PATH = /^\/api-docs(\/|$)/i;

/** API responses are JSON or text that no browser should render, run, frame or load from. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Swagger UI loads its scripts, style sheet and the OpenAPI document from this server. It also
 * sets inline styles and draws icons from data: URLs. It is still never framed, and it loads
 * nothing from another origin.
 */
const API_DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Sets the security headers of every response; runs first, so errors, 404s, 429s and CORS
 * preflights carry them too.
 *
 * `Cross-Origin-Resource-Policy: same-origin` stops other sites from loading responses in
 * no-cors mode (`<script>`, `<img>`). It does not apply to `fetch` in CORS mode, which is how
 * OpenPAI's pages and the plugin call this API from another origin, so CORS alone decides those.
 *
 * No `Strict-Transport-Security`: under OpenPAI, TLS (where there is any) ends at the pylon proxy,
 * which serves every OpenPAI service on the same host name, so HSTS is the proxy's decision.
 */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  const isApiDocs = API_DOCS_PATH.test(request.path);

  response.setHeader('Content-Security-Policy', isApiDocs ? API_DOCS_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY);
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  next();
}
