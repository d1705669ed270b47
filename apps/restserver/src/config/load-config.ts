import { isAbsolute, resolve } from 'node:path';

import type { AppConfig, DatabaseConfig, DevUserSpec, IdentityConfig } from './app-config';
import { ENVIRONMENT_VARIABLES, EnvironmentSchema, type ParsedEnvironment, type VariableName, type VariableSpec } from './config.schema';

/** Raised before start-up when a variable is invalid; its message lists every problem found. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Users of the development identity provider when DEV_USERS is not set. */
export const DEFAULT_DEV_USERS: readonly DevUserSpec[] = [
  { username: 'admin', admin: true, groups: ['default', 'admingroup'] },
  { username: 'alice', admin: false, groups: ['default', 'vision'] },
  { username: 'bob', admin: false, groups: ['default', 'nlp'] },
];

/**
 * Builds the configuration from environment variables. Throws ConfigError naming each invalid
 * variable and what was expected; values of secret variables never appear in the message.
 */
export function loadConfig(env: NodeJS.ProcessEnv, workingDirectory = process.cwd()): AppConfig {
  const parsed = parseEnvironment(env);

  const problems: string[] = [];
  const database = chooseDatabase(parsed, workingDirectory, problems);
  const identity = chooseIdentity(parsed, problems);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  return {
    environment: parsed.NODE_ENV,
    http: {
      host: parsed.HOST,
      port: parsed.PORT,
      corsOrigins: parseOrigins(parsed.CORS_ORIGINS),
      bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
      rateLimitPerMinute: parsed.RATE_LIMIT,
      trustedProxies: parsed.TRUST_PROXY ?? [],
    },
    database: database!,
    databaseConnectRetryMaxDelayMs: parsed.DB_CONNECT_RETRY_MAX_DELAY_MS,
    identity: identity!,
    azureStorage: parsed.AZURE_STORAGE && {
      type: parsed.AZURE_STORAGE.type,
      storageAccount: parsed.AZURE_STORAGE.storage_account,
      connectionStrings: parsed.AZURE_STORAGE.connection_strings,
    },
    listCountCacheSeconds: parsed.LIST_COUNT_CACHE_SECONDS,
    listJsonCacheMegabytes: parsed.LIST_JSON_CACHE_MB,
    logLevel: parsed.LOG_LEVEL,
    migrateOnStart: parsed.MIGRATE_ON_START,
    seedExamples: parsed.SEED_EXAMPLES,
  };
}

function parseEnvironment(env: NodeJS.ProcessEnv): ParsedEnvironment {
  const raw: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ENVIRONMENT_VARIABLES) as [VariableName, { defaultValue?: string }][]) {
    const value = env[name];
    // An empty value means "unset", except for a password, which may really be empty.
    if (value !== undefined && (value !== '' || name === 'DB_PASSWORD')) {
      raw[name] = value;
    } else if (spec.defaultValue !== undefined) {
      raw[name] = spec.defaultValue;
    }
  }

  const result = EnvironmentSchema.safeParse(raw);
  if (result.success) {
    return result.data;
  }

  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]) as VariableName;
    const spec: VariableSpec = ENVIRONMENT_VARIABLES[name];
    const nested = issue.path.length > 1 ? ` (at ${issue.path.slice(1).join('.')})` : '';
    const shown = spec.secret ? '' : `, got ${JSON.stringify(truncate(raw[name] ?? ''))}`;
    return `${name}${nested}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

function chooseDatabase(parsed: ParsedEnvironment, workingDirectory: string, problems: string[]): DatabaseConfig | undefined {
  if (parsed.DATABASE_URL) {
    return { kind: 'url', url: parsed.DATABASE_URL };
  }

  if (parsed.DB_HOST) {
    const missing = (['DB_USERNAME', 'DATABASE'] as const).filter((name) => !parsed[name]);
    for (const name of missing) {
      problems.push(`${name}: required when DB_HOST is set`);
    }
    return {
      kind: 'parameters',
      host: parsed.DB_HOST,
      port: parsed.DB_PORT,
      username: parsed.DB_USERNAME ?? '',
      password: parsed.DB_PASSWORD,
      database: parsed.DATABASE ?? '',
    };
  }

  if (parsed.NODE_ENV === 'production') {
    problems.push('DB_HOST or DATABASE_URL: required under NODE_ENV=production (the embedded PostgreSQL is for development only)');
    return undefined;
  }

  const dataDir = isAbsolute(parsed.EMBEDDED_POSTGRES_DIR)
    ? parsed.EMBEDDED_POSTGRES_DIR
    : resolve(workingDirectory, parsed.EMBEDDED_POSTGRES_DIR);
  return { kind: 'embedded', dataDir, port: parsed.EMBEDDED_POSTGRES_PORT };
}

function chooseIdentity(parsed: ParsedEnvironment, problems: string[]): IdentityConfig | undefined {
  if (parsed.IDP_URL) {
    return {
      kind: 'openpai',
      url: parsed.IDP_URL,
      timeoutMs: parsed.IDP_TIMEOUT_MS,
      cacheTtlSeconds: parsed.AUTH_CACHE_TTL_SECONDS,
    };
  }

  if (parsed.NODE_ENV === 'production' && !parsed.ALLOW_DEV_AUTH) {
    problems.push(
      'IDP_URL: required under NODE_ENV=production; set ALLOW_DEV_AUTH=true to run the development identity provider anyway',
    );
    return undefined;
  }

  return { kind: 'development', users: parsed.DEV_USERS ?? DEFAULT_DEV_USERS };
}

function parseOrigins(text: string): '*' | string[] {
  const origins = text.split(',').map((origin) => origin.trim()).filter(Boolean);
  return origins.includes('*') ? '*' : origins;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
