// Jest global teardown: stops the servers and containers that global setup started. Their data
// directories are deleted on stop because they were created with `persistent: false`.
export default async function postgresTeardown() {
  const servers = globalThis.__MARKETPLACE_EMBEDDED_POSTGRES__ ?? {};
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  globalThis.__MARKETPLACE_EMBEDDED_POSTGRES__ = {};
  const containers = globalThis.__MARKETPLACE_CONTAINERS__ ?? [];
  await Promise.all(containers.map((container) => container.stop()));
  globalThis.__MARKETPLACE_CONTAINERS__ = [];
}
