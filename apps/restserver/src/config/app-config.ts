/** The restserver's whole configuration, validated and typed, built once before start-up. */
export interface AppConfig {
  readonly environment: 'development' | 'test' | 'production';
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** `'*'` allows any origin. */
    readonly corsOrigins: '*' | readonly string[];
    readonly bodyLimitBytes: number;
    /** Requests per minute for each user or anonymous client address; 0 means no limit. */
    readonly rateLimitPerMinute: number;
    /** Proxy addresses and CIDR ranges whose X-Forwarded-For header is believed. */
    readonly trustedProxies: readonly string[];
  };
  readonly database: DatabaseConfig;
  /** Longest wait between start-up attempts to reach the database; the wait doubles from 1 s up to it. */
  readonly databaseConnectRetryMaxDelayMs: number;
  readonly identity: IdentityConfig;
  readonly azureStorage?: {
    readonly type: string;
    readonly storageAccount: string;
    readonly connectionStrings: readonly string[];
  };
  /** How long a list query's counts are reused for the same caller; 0 turns the reuse off. */
  readonly listCountCacheSeconds: number;
  /** Byte budget, in megabytes, of the unpaged list's item JSON cache; 0 turns it off. */
  readonly listJsonCacheMegabytes: number;
  readonly logLevel: string;
  readonly migrateOnStart: boolean;
  readonly seedExamples: boolean;
}

export type DatabaseConfig =
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'parameters';
      readonly host: string;
      readonly port: number;
      readonly username: string;
      readonly password?: string;
      readonly database: string;
    }
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly port: number };

export interface DevUserSpec {
  readonly username: string;
  readonly admin: boolean;
  readonly groups: readonly string[];
}

export type IdentityConfig =
  | {
      readonly kind: 'openpai';
      readonly url: string;
      readonly timeoutMs: number;
      readonly cacheTtlSeconds: number;
    }
  | { readonly kind: 'development'; readonly users: readonly DevUserSpec[] };
