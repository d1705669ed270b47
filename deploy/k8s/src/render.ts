import { stringify } from 'yaml';
import { ConfigurationError } from './config/errors';
import { type ResolvedConfiguration } from './config/resolve';
import { SERVICE_NAMES, type Manifest } from './labels';
import { paictlDatabase, paictlRestserver, paictlWebportal } from './paictl/daemonsets';
import { buildPluginList, marketplacePluginEntry, type PluginEntry } from './plugins';
import { renderProxyRoutes } from './proxy-routes';
import { databaseService, databaseStatefulSet } from './standalone/database';
import { migrationJob, restserverDeployment, restserverService } from './standalone/restserver';
import { standaloneSecret } from './standalone/secret';
import { webportalDeployment, webportalService } from './standalone/webportal';

export const PROFILES = ['paictl', 'standalone'] as const;
export type Profile = (typeof PROFILES)[number];

export const PLUGINS_FILE = 'openpai-webportal-plugins.yaml';
export const ROUTES_FILE = 'pylon-marketplace-locations.conf';

export interface RenderedFile {
  readonly name: string;
  /** Kubernetes manifests of the file, in the order of its YAML documents; unset for other files. */
  readonly manifests?: readonly Manifest[];
  readonly content: string;
}

export interface RenderResult {
  readonly files: RenderedFile[];
  /** Plugin list of OpenPAI's web portal under paictl, the automatic entry included. */
  readonly effectivePlugins: PluginEntry[];
  readonly warnings: string[];
}

export function renderProfile(configuration: ResolvedConfiguration, profile: Profile, fileName: string): RenderResult {
  return profile === 'paictl' ? renderForPaictl(configuration, fileName) : renderStandalone(configuration, fileName);
}

function renderForPaictl(configuration: ResolvedConfiguration, fileName: string): RenderResult {
  const { master, openpai } = configuration;
  if (!master || !openpai.pylonBase || !configuration.restserver.idpUrl || !configuration.webportal.apiUrl) {
    throw new ConfigurationError(['the paictl profile needs --layout layout.yaml: the master IP goes into DB_HOST, IDP_URL, the plugin URI and the proxy routes']);
  }
  const warnings: string[] = [];
  if (!configuration.marketplaceEnabled) {
    warnings.push(
      `${fileName}: cluster.common.marketplace: not "true", so paictl still deploys the three services but gives pylon no /marketplace routes, adds no plugin entry and sets SAVE_TEMPLATE to false`,
    );
  }
  const automatic = openpai.showMarketplacePlugin ? marketplacePluginEntry(openpai.pylonBase) : undefined;
  const plugins = buildPluginList(configuration, automatic, fileName);
  const pluginNote = automatic
    ? 'paictl adds the marketplace entry itself (cluster.common.marketplace is "true" and webportal.marketplace is on), so it is not listed here.'
    : 'paictl adds no marketplace entry with these settings.';

  const files = [
    manifestFile(`${SERVICE_NAMES.db}.yaml`, [paictlDatabase(configuration)]),
    manifestFile(`${SERVICE_NAMES.restserver}.yaml`, [paictlRestserver(configuration, master.ip, configuration.restserver.idpUrl)]),
    manifestFile(`${SERVICE_NAMES.webportal}.yaml`, [paictlWebportal(configuration, configuration.webportal.apiUrl)]),
    pluginsFile(plugins.custom, pluginNote),
    {
      name: ROUTES_FILE,
      content: renderProxyRoutes(
        { restserver: `http://${master.ip}:${configuration.restserver.port}`, webportal: `http://${master.ip}:${configuration.webportal.port}` },
        'Marketplace routes for pylon. paictl already adds them when cluster.common.marketplace is "true".',
      ),
    },
  ];
  return { files, effectivePlugins: plugins.effective, warnings: [...warnings, ...plugins.warnings] };
}

function renderStandalone(configuration: ResolvedConfiguration, fileName: string): RenderResult {
  const { idpUrl } = configuration.restserver;
  const { apiUrl } = configuration.webportal;
  const missing: string[] = [];
  if (!idpUrl) {
    missing.push(`${fileName}: marketplace-restserver.idp_url: expected the URL of OpenPAI's rest-server (or pass --layout to derive it), got nothing`);
  }
  if (!apiUrl) {
    missing.push(
      `${fileName}: marketplace-webportal.marketplace_api_uri: expected the browser-facing API URL (or set pylon.domain, or pass --layout, to derive it), got nothing`,
    );
  }
  if (!idpUrl || !apiUrl) {
    throw new ConfigurationError(missing);
  }

  const { pylonBase } = configuration.openpai;
  let automatic: PluginEntry | undefined;
  if (configuration.openpai.showMarketplacePlugin && pylonBase) {
    automatic = marketplacePluginEntry(pylonBase);
  }
  const plugins = buildPluginList(configuration, automatic, fileName);

  const files = [
    manifestFile('00-secret.yaml', [standaloneSecret(configuration)]),
    manifestFile(`10-${SERVICE_NAMES.db}.yaml`, [databaseService(configuration), databaseStatefulSet(configuration)]),
    manifestFile('20-marketplace-migrate.yaml', [migrationJob(configuration, idpUrl)]),
    manifestFile(`30-${SERVICE_NAMES.restserver}.yaml`, [restserverService(configuration), restserverDeployment(configuration, idpUrl)]),
    manifestFile(`40-${SERVICE_NAMES.webportal}.yaml`, [webportalService(configuration), webportalDeployment(configuration, apiUrl)]),
    pluginsFile(plugins.effective, 'Without paictl nothing adds the marketplace entry, so it is listed here with any custom entries.'),
    {
      name: ROUTES_FILE,
      content: renderProxyRoutes(
        {
          restserver: `http://${SERVICE_NAMES.restserver}:${configuration.restserver.port}`,
          webportal: `http://${SERVICE_NAMES.webportal}:${configuration.webportal.port}`,
        },
        'Marketplace routes for an nginx that runs inside the cluster and resolves Service names.',
      ),
    },
  ];
  return { files, effectivePlugins: plugins.effective, warnings: plugins.warnings };
}

/**
 * Writes YAML 1.1 style, which Kubernetes reads, so text such as `yes`, `0123` or `on` is quoted
 * and stays text.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0 });
}

function manifestFile(name: string, manifests: Manifest[]): RenderedFile {
  return { name, manifests, content: manifests.map((manifest) => toYaml(manifest)).join('---\n') };
}

function pluginsFile(entries: readonly PluginEntry[], note: string): RenderedFile {
  const header = ['# The webportal.plugins block for services-configuration.yaml.', `# ${note}`].join('\n');
  return { name: PLUGINS_FILE, content: `${header}\n${toYaml({ webportal: { plugins: entries } })}` };
}
