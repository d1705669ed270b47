import { type ResolvedConfiguration } from '../config/resolve';
import { SERVICE_NAMES, type Manifest } from '../labels';
import { SECRET_KEYS, labels, podDefaults, secretEnv, selectorLabels } from './common';

/** The claim is mounted one level above PGDATA, because initdb refuses a directory holding lost+found. */
const DATA_MOUNT = '/var/lib/postgresql/data';
const PGDATA = `${DATA_MOUNT}/pgdata`;

export function databaseStatefulSet(configuration: ResolvedConfiguration): Manifest {
  const { db } = configuration;
  const ready = { exec: { command: ['pg_isready', '-h', '127.0.0.1', '-p', String(db.port), '-U', db.user, '-d', db.database] } };
  const claimSpec: Record<string, unknown> = {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: db.storageSize } },
  };
  if (db.storageClass) {
    claimSpec.storageClassName = db.storageClass;
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: SERVICE_NAMES.db, labels: labels('db') },
    spec: {
      serviceName: SERVICE_NAMES.db,
      replicas: 1,
      selector: { matchLabels: selectorLabels('db') },
      template: {
        metadata: { labels: labels('db') },
        spec: {
          ...podDefaults(configuration),
          containers: [
            {
              name: SERVICE_NAMES.db,
              image: configuration.images.db,
              args: ['-c', `port=${db.port}`, '-N', String(db.maxConnections)],
              ports: [{ name: 'postgres', containerPort: db.port }],
              env: [
                { name: 'POSTGRES_USER', value: db.user },
                secretEnv('POSTGRES_PASSWORD', SECRET_KEYS.postgresPassword),
                { name: 'POSTGRES_DB', value: db.database },
                { name: 'PGDATA', value: PGDATA },
              ],
              readinessProbe: { ...ready, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
              livenessProbe: { ...ready, initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 },
              resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '1Gi' } },
              volumeMounts: [{ name: 'data', mountPath: DATA_MOUNT }],
            },
          ],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data', labels: labels('db') }, spec: claimSpec }],
    },
  };
}

/** Headless, as a StatefulSet's governing Service must be; DB_HOST resolves to the pod. */
export function databaseService(configuration: ResolvedConfiguration): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: SERVICE_NAMES.db, labels: labels('db') },
    spec: {
      clusterIP: 'None',
      selector: selectorLabels('db'),
      ports: [{ name: 'postgres', port: configuration.db.port, targetPort: 'postgres' }],
    },
  };
}
