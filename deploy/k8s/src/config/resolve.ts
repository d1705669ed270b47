import { checkServicesConfiguration } from './checks';
import { ConfigurationError, describeIssues } from './errors';
import { findMasterMachine, type MasterMachine } from './layout';
import { ServicesConfigurationSchema, type PluginEntrySettings } from './schema';
import { rawValueAt, type RawValue } from './yaml-source';

export interface ConfigurationSource {
  readonly services: RawValue;
  readonly servicesFileName: string;
  readonly layout?: RawValue;
  readonly layoutFileName?: string;
}

/** Every value the manifests need, with paictl's defaults and fallbacks applied. */
export interface ResolvedConfiguration {
  /** `cluster.common.marketplace`: gates pylon's routes, the automatic plugin and SAVE_TEMPLATE. */
  readonly marketplaceEnabled: boolean;
  readonly master?: MasterMachine;
  readonly images: { readonly db: string; readonly restserver: string; readonly webportal: string };
  readonly imageTag: string;
  /** Empty when no pull secret is wanted. */
  readonly imagePullSecret: string;
  readonly secretNameIsDefault: boolean;
  readonly db: {
    readonly user: string;
    readonly password: string;
    readonly database: string;
    readonly port: number;
    readonly maxConnections: number;
    readonly dataPath: string;
    readonly storageSize: string;
    readonly storageClass?: string;
  };
  readonly restserver: {
    /** Only set when the file names a host; each profile has its own default. */
    readonly dbHost?: string;
    readonly dbUser: string;
    readonly dbPassword: string;
    readonly database: string;
    readonly dbPort: number;
    readonly port: number;
    readonly idpUrl?: string;
    /** JSON for AZURE_STORAGE, or null to leave it unset. */
    readonly azureStorageJson: string | null;
    readonly replicas: number;
  };
  readonly webportal: {
    readonly apiUrl?: string;
    readonly port: number;
    readonly npmInstallToken: string;
  };
  readonly openpai: {
    readonly restServerUri?: string;
    /** `pylon.uri-https` when `pylon.ssl` is set, `pylon.uri` otherwise. */
    readonly pylonBase?: string;
    readonly showMarketplacePlugin: boolean;
    readonly saveTemplate: boolean;
    readonly plugins: readonly PluginEntrySettings[];
  };
}

export interface Resolution {
  readonly configuration: ResolvedConfiguration;
  readonly warnings: string[];
}

/** Validates the configuration files and derives every value, as paictl's parsers do. */
export function resolveConfiguration(source: ConfigurationSource): Resolution {
  const { services, servicesFileName } = source;
  const checks = checkServicesConfiguration(services, servicesFileName);
  const parsed = ServicesConfigurationSchema.safeParse(services ?? {});
  const problems = [...checks.errors, ...(parsed.success ? [] : describeIssues(parsed.error.issues, services, servicesFileName))];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  const warnings = [...checks.warnings];
  const settings = parsed.data;
  const master =
    source.layout === undefined ? undefined : findMasterMachine(source.layout, source.layoutFileName ?? 'layout.yaml', (message) => warnings.push(message));

  const registry = settings.cluster['docker-registry'];
  const prefix = registry.domain === 'docker.io' ? `${registry.namespace}/` : `${registry.domain}/${registry.namespace}/`;
  const image = (name: string) => `${prefix}${name}:${registry.tag}`;

  const db = settings['marketplace-db'];
  const restserver = settings['marketplace-restserver'];
  const webportal = settings['marketplace-webportal'];
  const pylon = settings.pylon;
  const marketplaceEnabled = settings.cluster.common.marketplace;

  const pylonHost = pylon.domain ?? master?.ip;
  let pylonBase: string | undefined;
  if (pylonHost !== undefined) {
    pylonBase = pylon.ssl ? `https://${pylonHost}:${pylon.ssl.port}` : `http://${pylonHost}:${pylon.port}`;
  }
  const restServerUri = master && `http://${master.ip}:${settings['rest-server']['server-port']}`;
  const apiUrl = webportal.marketplace_api_uri ?? (pylonBase && `${pylonBase}/marketplace/api`);

  if (master && webportal.marketplace_api_uri?.replace(/\/+$/, '') === `http://${master.ip}:${restserver['server-port']}`) {
    warnings.push(
      `${servicesFileName}: marketplace-webportal.marketplace_api_uri: points at the restserver directly, bypassing pylon; leave it unset to use ${pylonBase}/marketplace/api`,
    );
  }

  const configuration: ResolvedConfiguration = {
    marketplaceEnabled,
    master,
    images: { db: image('marketplace-db'), restserver: image('marketplace-restserver'), webportal: image('marketplace-webportal') },
    imageTag: registry.tag,
    imagePullSecret: registry['secret-name'],
    secretNameIsDefault: rawValueAt(services, ['cluster', 'docker-registry', 'secret-name']) === undefined,
    db: {
      user: db.user,
      password: db.passwd,
      database: db.db,
      port: db.port,
      maxConnections: db['max-connection'],
      dataPath: db['data-path'],
      storageSize: db['storage-size'],
      storageClass: db['storage-class'],
    },
    restserver: {
      dbHost: restserver.db_host,
      dbUser: restserver.db_user ?? db.user,
      dbPassword: restserver.db_password ?? db.passwd,
      database: restserver.db ?? db.db,
      dbPort: restserver.db_port ?? db.port,
      port: restserver['server-port'],
      idpUrl: restserver.idp_url ?? restServerUri,
      azureStorageJson: restserver.azure_storage && formatAzureStorage(restserver.azure_storage),
      replicas: restserver.replicas,
    },
    webportal: { apiUrl, port: webportal['server-port'], npmInstallToken: webportal['npm-install-token'] },
    openpai: {
      restServerUri,
      pylonBase,
      showMarketplacePlugin: marketplaceEnabled && settings.webportal.marketplace,
      saveTemplate: marketplaceEnabled && settings.webportal['save-template'],
      plugins: settings.webportal.plugins,
    },
  };
  return { configuration, warnings };
}

/** Writes the JSON the way paictl's Python 2 `json.dumps` does, so both renders read the same. */
function formatAzureStorage(storage: { type: string; storage_account: string; connection_strings: string[] }): string {
  const strings = storage.connection_strings.map((entry) => JSON.stringify(entry)).join(', ');
  return `{"storage_account": ${JSON.stringify(storage.storage_account)}, "connection_strings": [${strings}], "type": ${JSON.stringify(storage.type)}}`;
}
