import { isIP } from 'node:net';

import { z } from 'zod';

/**
 * Every environment variable the restserver reads, with its default and whether it contains a
 * secret. Secrets are never echoed in an error message or a log line.
 */
export interface VariableSpec {
  readonly description: string;
  readonly defaultValue?: string;
  readonly secret?: boolean;
}

export const ENVIRONMENT_VARIABLES = {
  ALLOW_DEV_AUTH: { description: 'Allow the development identity provider under NODE_ENV=production', defaultValue: 'false' },
  AUTH_CACHE_TTL_SECONDS: { description: "Seconds to reuse OpenPAI's positive response for a token; 0 turns the cache off", defaultValue: '30' },
  AZURE_STORAGE: { description: 'JSON {type, storage_account, connection_strings} of the blob record seeded into an empty Blobs table', secret: true },
  BODY_LIMIT_BYTES: { description: 'Largest request body accepted, in bytes; larger bodies get 413', defaultValue: '1048576' },
  CORS_ORIGINS: { description: 'Comma-separated origins allowed by CORS, or * for any', defaultValue: '*' },
  DATABASE: { description: 'Database name (with DB_HOST)' },
  DATABASE_URL: { description: 'postgres:// connection URL; takes precedence over DB_*', secret: true },
  DB_CONNECT_RETRY_MAX_DELAY_MS: {
    description: 'Longest wait in milliseconds between attempts to reach the database at start-up; the wait starts at 1 s and doubles up to this',
    defaultValue: '30000',
  },
  DB_HOST: { description: 'PostgreSQL host' },
  DB_PASSWORD: { description: 'PostgreSQL password', secret: true },
  DB_PORT: { description: 'PostgreSQL port', defaultValue: '5432' },
  DB_USERNAME: { description: 'PostgreSQL user (with DB_HOST)' },
  DEV_USERS: { description: 'JSON list of {username, admin, groups} for the development identity provider' },
  EMBEDDED_POSTGRES_DIR: { description: 'Data directory of the embedded PostgreSQL used when no database is configured', defaultValue: '.data/postgres' },
  EMBEDDED_POSTGRES_PORT: { description: 'Port of the embedded PostgreSQL', defaultValue: '9291' },
  HOST: { description: 'Address the HTTP server binds to', defaultValue: '127.0.0.1' },
  IDP_URL: { description: "Base URL of OpenPAI's rest-server, without a trailing slash; unset runs the development identity provider" },
  IDP_TIMEOUT_MS: { description: "Milliseconds to wait for OpenPAI's rest-server before responding 503", defaultValue: '5000' },
  LIST_COUNT_CACHE_SECONDS: {
    description: "Seconds a replica reuses a list query's total and facet counts for the same caller; a write through the replica clears them, 0 turns the reuse off",
    defaultValue: '5',
  },
  LIST_JSON_CACHE_MB: {
    description: 'Megabytes of serialised item JSON a replica keeps, so the unpaged list need not read every protocol again; 0 turns it off',
    defaultValue: '64',
  },
  LOG_LEVEL: { description: 'fatal, error, warn, info, debug or trace', defaultValue: 'info' },
  MIGRATE_ON_START: { description: 'Apply pending database migrations at start-up', defaultValue: 'true' },
  NODE_ENV: { description: 'development, test or production', defaultValue: 'development' },
  SEED_EXAMPLES: { description: 'Store the official example templates when the server creates the schema in an empty database', defaultValue: 'true' },
  PORT: { description: 'HTTP port', defaultValue: '9292' },
  RATE_LIMIT: {
    description: 'Requests per minute allowed for each user, or for each client address when a request carries no valid token; 0 turns rate limiting off',
    defaultValue: '600',
  },
  TRUST_PROXY: {
    description: "Comma-separated addresses or CIDR ranges (or loopback, linklocal, uniquelocal) of proxies whose X-Forwarded-For is believed, such as OpenPAI's pylon; unset trusts none",
  },
} as const satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof ENVIRONMENT_VARIABLES;

const booleanText = z.enum(['true', 'false'], { error: 'expected true or false' }).transform((text) => text === 'true');

const integerText = (minimum: number, maximum: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `expected a whole number from ${minimum} to ${maximum}` })
    .transform(Number)
    .refine((value) => value >= minimum && value <= maximum, {
      error: `expected a whole number from ${minimum} to ${maximum}`,
    });

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, { error: 'expected a postgres:// URL' });

/** Text holding JSON, parsed and then checked against `schema`. */
const jsonText = <Schema extends z.ZodType>(schema: Schema) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'expected JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const devUsers = jsonText(
  z
    .array(
      z.object({
        username: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
        admin: z.boolean().default(false),
        groups: z.array(z.string().min(1)).default(['default']),
      }),
    )
    .min(1, { error: 'expected at least one user' }),
);

const azureStorage = jsonText(
  z.object(
    {
      type: z.string().min(1).max(255),
      storage_account: z.string().min(1).max(255),
      connection_strings: z.array(z.string()).default([]),
    },
    { error: 'expected a JSON object {type, storage_account, connection_strings}' },
  ),
);

/** Names that Express's `trust proxy` setting expands to the matching address ranges. */
const PROXY_RANGE_NAMES = new Set(['linklocal', 'loopback', 'uniquelocal']);

/** Tells whether `entry` is an IP address, a CIDR range such as 10.0.0.0/8, or a range name. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) {
    return true;
  }
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const proxyList = z
  .string()
  .transform((text) => text.split(',').map((entry) => entry.trim()).filter(Boolean))
  .refine((entries) => entries.every(isProxyAddress), {
    error: 'expected comma-separated IP addresses or CIDR ranges (such as 10.0.0.0/8), or loopback, linklocal, uniquelocal',
  });

/** Parses the raw environment; each key is the variable of the same name. */
export const EnvironmentSchema = z.object({
  ALLOW_DEV_AUTH: booleanText,
  AUTH_CACHE_TTL_SECONDS: integerText(0, 86400),
  AZURE_STORAGE: azureStorage.optional(),
  BODY_LIMIT_BYTES: integerText(1024, 100 * 1024 * 1024),
  CORS_ORIGINS: z.string().min(1),
  DATABASE: z.string().min(1).max(63).optional(),
  DATABASE_URL: postgresUrl.optional(),
  DB_CONNECT_RETRY_MAX_DELAY_MS: integerText(100, 600_000),
  DB_HOST: z.string().min(1).optional(),
  DB_PASSWORD: z.string().optional(),
  DB_PORT: integerText(1, 65535),
  DB_USERNAME: z.string().min(1).optional(),
  DEV_USERS: devUsers.optional(),
  EMBEDDED_POSTGRES_DIR: z.string().min(1),
  EMBEDDED_POSTGRES_PORT: integerText(1, 65535),
  HOST: z.string().min(1),
  IDP_URL: httpUrl.optional(),
  IDP_TIMEOUT_MS: integerText(100, 120000),
  LIST_COUNT_CACHE_SECONDS: integerText(0, 3600),
  LIST_JSON_CACHE_MB: integerText(0, 65536),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  MIGRATE_ON_START: booleanText,
  NODE_ENV: z.enum(['development', 'test', 'production']),
  PORT: integerText(0, 65535),
  RATE_LIMIT: integerText(0, 1_000_000),
  SEED_EXAMPLES: booleanText,
  TRUST_PROXY: proxyList.optional(),
});

export type ParsedEnvironment = z.infer<typeof EnvironmentSchema>;
