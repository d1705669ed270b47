import { type ResolvedConfiguration } from '../config/resolve';
import { SERVICE_NAMES, type Manifest } from '../labels';
import { SECRET_KEYS, httpProbe, labels, podDefaults, secretEnv, selectorLabels, tagSuffix } from './common';

const MAIN = 'dist/apps/restserver/main.js';

/** Builds the environment shared by the server and its migration Job. */
function restserverEnvironment(configuration: ResolvedConfiguration, idpUrl: string): Array<Record<string, unknown>> {
  const { restserver } = configuration;
  const env: Array<Record<string, unknown>> = [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'DB_HOST', value: restserver.dbHost ?? SERVICE_NAMES.db },
    { name: 'DB_PORT', value: String(restserver.dbPort) },
    { name: 'DB_USERNAME', value: restserver.dbUser },
    secretEnv('DB_PASSWORD', SECRET_KEYS.restserverDbPassword),
    { name: 'DATABASE', value: restserver.database },
    { name: 'IDP_URL', value: idpUrl },
  ];
  if (restserver.azureStorageJson !== null) {
    env.push(secretEnv('AZURE_STORAGE', SECRET_KEYS.azureStorage));
  }
  return env;
}

export function migrationJobName(configuration: ResolvedConfiguration): string {
  return `marketplace-migrate-${tagSuffix(configuration.imageTag)}`;
}

/**
 * Applies the schema migrations once per image tag. The server's readiness probe (`/readyz`
 * reports 503 until the schema is current) keeps traffic away until this Job has finished.
 */
export function migrationJob(configuration: ResolvedConfiguration, idpUrl: string): Manifest {
  const { restserver } = configuration;
  const dbHost = restserver.dbHost ?? SERVICE_NAMES.db;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: migrationJobName(configuration), labels: { ...labels('restserver'), 'app.kubernetes.io/component': 'migration' } },
    spec: {
      backoffLimit: 6,
      template: {
        metadata: { labels: { ...labels('restserver'), 'app.kubernetes.io/component': 'migration' } },
        spec: {
          ...podDefaults(configuration),
          restartPolicy: 'OnFailure',
          initContainers: [
            {
              // The database image carries pg_isready; waiting here saves the Job's retries for real failures.
              name: 'wait-for-database',
              image: configuration.images.db,
              command: ['sh', '-c', 'until pg_isready -h "$DB_HOST" -p "$DB_PORT"; do sleep 2; done'],
              env: [
                { name: 'DB_HOST', value: dbHost },
                { name: 'DB_PORT', value: String(restserver.dbPort) },
              ],
              resources: { requests: { cpu: '10m', memory: '16Mi' } },
            },
          ],
          containers: [
            {
              name: 'migrate',
              image: configuration.images.restserver,
              command: ['node', MAIN, 'migrate'],
              env: restserverEnvironment(configuration, idpUrl),
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
      },
    },
  };
}

export function restserverDeployment(configuration: ResolvedConfiguration, idpUrl: string): Manifest {
  const { restserver } = configuration;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: SERVICE_NAMES.restserver, labels: labels('restserver') },
    spec: {
      replicas: restserver.replicas,
      selector: { matchLabels: selectorLabels('restserver') },
      template: {
        metadata: { labels: labels('restserver') },
        spec: {
          ...podDefaults(configuration),
          containers: [
            {
              name: SERVICE_NAMES.restserver,
              image: configuration.images.restserver,
              ports: [{ name: 'http', containerPort: restserver.port }],
              env: [
                ...restserverEnvironment(configuration, idpUrl),
                { name: 'HOST', value: '0.0.0.0' },
                { name: 'PORT', value: String(restserver.port) },
                { name: 'MIGRATE_ON_START', value: 'false' },
              ],
              readinessProbe: httpProbe('/readyz', 'http', 10),
              livenessProbe: { ...httpProbe('/healthz', 'http', 20), initialDelaySeconds: 10 },
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
      },
    },
  };
}

export function restserverService(configuration: ResolvedConfiguration): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: SERVICE_NAMES.restserver, labels: labels('restserver') },
    spec: {
      selector: selectorLabels('restserver'),
      ports: [{ name: 'http', port: configuration.restserver.port, targetPort: 'http' }],
    },
  };
}
