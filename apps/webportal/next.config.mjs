/** @type {import('next').NextConfig} */
const nextConfig = {
  // The marketplace is one client-side app; the server only serves it, its runtime config and health checks.
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
