/**
 * Security headers of every response. The web portal serves only public files and pages that
 * render in the browser, so `Cross-Origin-Resource-Policy: cross-origin` costs nothing, and it
 * lets OpenPAI's page load `plugin.js` and the files it imports from another origin. The policy
 * leaves scripts alone, because Next.js pages run inline scripts.
 */
const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: "base-uri 'self'; frame-ancestors 'self'; object-src 'none'" },
  { key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
];

/**
 * `plugin.js` fetches `runtime-config.json` and imports `plugin/marketplace-plugin.js` with
 * `import()`, and both are CORS requests when the host page has another origin.
 */
const PLUGIN_CORS_HEADERS = [{ key: 'Access-Control-Allow-Origin', value: '*' }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/plugin.js', headers: PLUGIN_CORS_HEADERS },
      { source: '/plugin/:path*', headers: PLUGIN_CORS_HEADERS },
      { source: '/runtime-config.json', headers: PLUGIN_CORS_HEADERS },
    ];
  },
  // The marketplace is one client-side app; the server only serves it, its runtime config and health checks.
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
