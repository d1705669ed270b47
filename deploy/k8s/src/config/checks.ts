import { TypedScalar, isRawMapping, rawValueAt, type RawMapping, type RawValue } from './yaml-source';

/** Keys each marketplace section understands; anything else is reported instead of passed on. */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  'marketplace-db': ['user', 'passwd', 'db', 'port', 'max-connection', 'data-path', 'storage-size', 'storage-class'],
  'marketplace-restserver': ['db_host', 'db_user', 'db_password', 'db', 'db_port', 'server-port', 'idp_url', 'azure_storage', 'azure_storage_json', 'replicas'],
  'marketplace-webportal': ['marketplace_api_uri', 'server-port', 'api-port', 'npm-install-token'],
};

const AZURE_STORAGE_KEYS = ['type', 'storage_account', 'connection_strings'];

export interface CheckResult {
  readonly errors: string[];
  readonly warnings: string[];
}

/**
 * Finds the places where paictl's documentation and its templates disagree, in a parsed
 * services-configuration.yaml, before the schema fills in defaults.
 */
export function checkServicesConfiguration(root: RawValue, fileName: string): CheckResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const at = (key: string) => `${fileName}: ${key}`;
  if (!isRawMapping(root)) {
    return { errors, warnings };
  }

  if (rawValueAt(root, ['cluster', 'common', 'market']) !== undefined) {
    errors.push(`${at('cluster.common.market')}: unknown key; the marketplace switch is cluster.common.marketplace: "true"`);
  }
  const marketplaceSwitch = rawValueAt(root, ['cluster', 'common', 'marketplace']);
  if (marketplaceSwitch instanceof TypedScalar && marketplaceSwitch.value === true) {
    warnings.push(
      `${at('cluster.common.marketplace')}: the YAML boolean true is read as on here, but paictl only accepts the string "true" and would turn the marketplace off; write marketplace: "true"`,
    );
  }

  for (const key of ['marketplace', 'save-template']) {
    if (rawValueAt(root, ['webportal', key]) === 'false') {
      warnings.push(`${at(`webportal.${key}`)}: the string "false" is read as off here, but paictl treats any non-empty string as on; write ${key}: false`);
    }
  }

  checkPre10Format(root, at, warnings);
  checkUnknownKeys(root, at, warnings);
  checkAzureStorage(root, at, warnings);

  if (rawValueAt(root, ['marketplace-webportal', 'api-port']) !== undefined) {
    warnings.push(`${at('marketplace-webportal.api-port')}: has no effect; paictl reads it and uses it nowhere, and so does this renderer`);
  }
  return { errors, warnings };
}

/** paictl rebuilds a file it takes for the pre-1.0 format and drops every marketplace setting. */
function checkPre10Format(root: RawMapping, at: (key: string) => string, warnings: string[]): void {
  const reasons: string[] = [];
  if (!('rest-server' in root)) {
    reasons.push('it has no rest-server section');
  }
  if ('hadoop' in root) {
    reasons.push('it has a hadoop section');
  }
  if ('restserver' in root) {
    reasons.push('it has the old restserver section');
  }
  if (reasons.length > 0) {
    warnings.push(
      `${at('(top level)')}: paictl will take this file for the pre-1.0 format because ${reasons.join(' and ')}, and then ignore cluster.common.marketplace and every marketplace-* section`,
    );
  }
}

function checkUnknownKeys(root: RawMapping, at: (key: string) => string, warnings: string[]): void {
  for (const [sectionName, known] of Object.entries(KNOWN_KEYS)) {
    const section = root[sectionName];
    if (!isRawMapping(section)) {
      continue;
    }
    for (const key of Object.keys(section)) {
      if (!known.includes(key)) {
        warnings.push(`${at(`${sectionName}.${key}`)}: unknown key, ignored (known keys: ${known.join(', ')})`);
      }
    }
  }
}

function checkAzureStorage(root: RawMapping, at: (key: string) => string, warnings: string[]): void {
  if (rawValueAt(root, ['marketplace-restserver', 'azure_storage_json']) !== undefined) {
    warnings.push(`${at('marketplace-restserver.azure_storage_json')}: ignored; AZURE_STORAGE is always the JSON of marketplace-restserver.azure_storage`);
  }
  const storage = rawValueAt(root, ['marketplace-restserver', 'azure_storage']);
  if (!isRawMapping(storage)) {
    return;
  }
  for (const key of Object.keys(storage)) {
    if (!AZURE_STORAGE_KEYS.includes(key)) {
      warnings.push(`${at(`marketplace-restserver.azure_storage.${key}`)}: unknown key, left out of AZURE_STORAGE (known keys: ${AZURE_STORAGE_KEYS.join(', ')})`);
    }
  }
}
