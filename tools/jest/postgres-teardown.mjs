// Jest global teardown: stops the embedded servers that global setup started. Their data
// directories are deleted on stop because they were created with `persistent: false`.
export default async function postgresTeardown() {
  const servers = globalThis.__MARKETPLACE_EMBEDDED_POSTGRES__ ?? {};
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  globalThis.__MARKETPLACE_EMBEDDED_POSTGRES__ = {};
}
