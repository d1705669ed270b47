import { type ResolvedConfiguration } from '../config/resolve';
import { type Manifest } from '../labels';
import { SECRET_KEYS, SECRET_NAME } from './common';

/** Holds every password and token, so no manifest carries one in a plain env value. */
export function standaloneSecret(configuration: ResolvedConfiguration): Manifest {
  const stringData: Record<string, string> = {
    [SECRET_KEYS.postgresPassword]: configuration.db.password,
    [SECRET_KEYS.restserverDbPassword]: configuration.restserver.dbPassword,
    [SECRET_KEYS.npmInstallToken]: configuration.webportal.npmInstallToken,
  };
  if (configuration.restserver.azureStorageJson !== null) {
    stringData[SECRET_KEYS.azureStorage] = configuration.restserver.azureStorageJson;
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: SECRET_NAME, labels: { 'app.kubernetes.io/part-of': 'openpai-marketplace' } },
    type: 'Opaque',
    stringData,
  };
}
