import { type ResolvedConfiguration } from '../config/resolve';
import { SERVICE_NAMES, type Manifest } from '../labels';

/** The data directory is the mount point itself, as in paictl's template. */
const PGDATA = '/var/lib/postgresql/data/pgdata';

/**
 * Builds a DaemonSet the way paictl renders the marketplace services: host network, pinned to the
 * node labelled pai-master=true, images pulled on every start.
 */
function masterDaemonSet(name: string, configuration: ResolvedConfiguration, podSpec: Record<string, unknown>): Manifest {
  const spec: Record<string, unknown> = {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'pai-master', operator: 'In', values: ['true'] }] }],
        },
      },
    },
    ...podSpec,
    hostNetwork: true,
  };
  if (configuration.imagePullSecret) {
    spec.imagePullSecrets = [{ name: configuration.imagePullSecret }];
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: `${name}-ds` },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name }, name }, spec },
    },
  };
}

export function paictlDatabase(configuration: ResolvedConfiguration): Manifest {
  const { db } = configuration;
  return masterDaemonSet(SERVICE_NAMES.db, configuration, {
    containers: [
      {
        name: SERVICE_NAMES.db,
        image: configuration.images.db,
        imagePullPolicy: 'Always',
        args: ['-c', `port=${db.port}`, '-N', String(db.maxConnections)],
        env: [
          { name: 'POSTGRES_USER', value: db.user },
          { name: 'POSTGRES_PASSWORD', value: db.password },
          { name: 'POSTGRES_DB', value: db.database },
          { name: 'PGDATA', value: PGDATA },
        ],
        volumeMounts: [{ name: 'marketplace-data-dir', mountPath: PGDATA, mountPropagation: 'None' }],
      },
    ],
    volumes: [{ name: 'marketplace-data-dir', hostPath: { path: db.dataPath, type: 'DirectoryOrCreate' } }],
  });
}

export function paictlRestserver(configuration: ResolvedConfiguration, masterIp: string, idpUrl: string): Manifest {
  const { restserver } = configuration;
  const env = [
    { name: 'DB_HOST', value: restserver.dbHost ?? masterIp },
    { name: 'DB_USERNAME', value: restserver.dbUser },
    { name: 'DB_PASSWORD', value: restserver.dbPassword },
    { name: 'DATABASE', value: restserver.database },
    { name: 'DB_PORT', value: String(restserver.dbPort) },
    { name: 'IDP_URL', value: idpUrl },
    { name: 'NODE_ENV', value: 'production' },
    { name: 'PORT', value: String(restserver.port) },
  ];
  if (restserver.azureStorageJson !== null) {
    env.push({ name: 'AZURE_STORAGE', value: restserver.azureStorageJson });
  }
  return masterDaemonSet(SERVICE_NAMES.restserver, configuration, {
    containers: [{ name: SERVICE_NAMES.restserver, image: configuration.images.restserver, imagePullPolicy: 'Always', env }],
  });
}

export function paictlWebportal(configuration: ResolvedConfiguration, apiUrl: string): Manifest {
  const { webportal } = configuration;
  return masterDaemonSet(SERVICE_NAMES.webportal, configuration, {
    containers: [
      {
        name: SERVICE_NAMES.webportal,
        image: configuration.images.webportal,
        imagePullPolicy: 'Always',
        env: [
          { name: 'MARKETPLACE_API_URL', value: apiUrl },
          { name: 'SERVER_PORT', value: String(webportal.port) },
          { name: 'NPM_INSTALL_TOKEN', value: webportal.npmInstallToken },
        ],
      },
    ],
  });
}
