import { type ResolvedConfiguration } from '../config/resolve';
import { SERVICE_NAMES, type Manifest } from '../labels';
import { SECRET_KEYS, httpProbe, labels, podDefaults, secretEnv, selectorLabels } from './common';

export function webportalDeployment(configuration: ResolvedConfiguration, apiUrl: string): Manifest {
  const { webportal } = configuration;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: SERVICE_NAMES.webportal, labels: labels('webportal') },
    spec: {
      replicas: 1,
      selector: { matchLabels: selectorLabels('webportal') },
      template: {
        metadata: { labels: labels('webportal') },
        spec: {
          ...podDefaults(configuration),
          containers: [
            {
              name: SERVICE_NAMES.webportal,
              image: configuration.images.webportal,
              ports: [{ name: 'http', containerPort: webportal.port }],
              env: [
                { name: 'MARKETPLACE_API_URL', value: apiUrl },
                { name: 'SERVER_PORT', value: String(webportal.port) },
                secretEnv('NPM_INSTALL_TOKEN', SECRET_KEYS.npmInstallToken),
              ],
              readinessProbe: httpProbe('/readyz', 'http', 10),
              livenessProbe: { ...httpProbe('/healthz', 'http', 20), initialDelaySeconds: 10 },
              resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            },
          ],
        },
      },
    },
  };
}

export function webportalService(configuration: ResolvedConfiguration): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: SERVICE_NAMES.webportal, labels: labels('webportal') },
    spec: {
      selector: selectorLabels('webportal'),
      ports: [{ name: 'http', port: configuration.webportal.port, targetPort: 'http' }],
    },
  };
}
