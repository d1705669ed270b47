import 'reflect-metadata';

import { createApp } from './app.factory';
import { runCommand } from './cli/run-command';
import type { AppConfig } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { configureLogging, getLogger } from './common/logging/logger';
import { connectDatabase } from './database/connect-database';
import { resolvedFromConfig, type ResolvedDatabase } from './database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres';
import { stopOnSignals } from './shutdown';
import { SERVER_VERSION } from './version';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n\nThe README lists every variable with its default.\n`);
      process.exit(2);
    }
    throw error;
  }

  const command = process.argv.slice(2);
  if (command.length > 0 && command[0] !== 'serve') {
    process.exit(await runCommand(command, config));
  }

  configureLogging(config.logLevel);
  const logger = getLogger('main');
  logger.info({ version: SERVER_VERSION, environment: config.environment }, `marketplace restserver ${SERVER_VERSION} starting`);
  warnAboutRiskySettings(config);

  let embedded: EmbeddedPostgres | undefined;
  let database: ResolvedDatabase;
  if (config.database.kind === 'embedded') {
    embedded = await startEmbeddedPostgres(config.database.dataDir, config.database.port);
    database = embedded.connection;
  } else {
    database = resolvedFromConfig(config.database);
  }

  // Listen before connecting, so that /healthz responds and /readyz reports why the server is not
  // ready while connectDatabase() waits for the database.
  const app = await createApp(config, database);
  try {
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    // The embedded PostgreSQL runs as a separate process: stop it, or it outlives this failed start.
    await embedded?.stop();
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new Error(`port ${config.http.port} on ${config.http.host} is already in use; stop the other server or set PORT to a free port`);
    }
    throw error;
  }
  logger.info({ host: config.http.host, port: config.http.port }, `listening on http://${config.http.host}:${config.http.port} (API docs at /api-docs)`);

  stopOnSignals(app, embedded);
  await connectDatabase(app, config);
  logger.info('connected to the database; start-up complete');
}

function warnAboutRiskySettings(config: AppConfig): void {
  const logger = getLogger('main');
  if (config.identity.kind === 'development') {
    const users = config.identity.users.map((user) => user.username).join(', ');
    logger.warn(
      { users },
      `IDP_URL is not set: using the DEVELOPMENT identity provider. Anyone who can reach this server can act as ${users}, admins included. GET /auth/dev-users lists their tokens. Never expose this to a network.`,
    );
  }
  if (config.database.kind === 'embedded') {
    logger.warn({ dataDir: config.database.dataDir }, 'no database configured: starting the embedded PostgreSQL (development only)');
  }
}

main().catch((error: unknown) => {
  getLogger('main').fatal({ err: error }, `start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
