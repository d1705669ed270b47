import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ConfigurationSource } from './config/resolve';
import { parseYamlSource } from './config/yaml-source';

export interface LoadedSource {
  readonly source: ConfigurationSource;
  readonly warnings: string[];
}

/**
 * Reads services-configuration.yaml and, when given, layout.yaml. `configPath` may also be
 * paictl's configuration folder; then both files are taken from it.
 */
export function loadConfigurationSource(configPath: string, layoutPath?: string): LoadedSource {
  const warnings: string[] = [];
  let servicesPath = configPath;
  let layout = layoutPath;
  if (statSync(configPath).isDirectory()) {
    servicesPath = join(configPath, 'services-configuration.yaml');
    const singular = join(configPath, 'service-configuration.yaml');
    if (!existsSync(servicesPath) && existsSync(singular)) {
      // The Marketplace docs name the file in the singular; paictl only reads the plural name.
      warnings.push(`${singular}: read, but paictl only reads services-configuration.yaml; rename the file`);
      servicesPath = singular;
    }
    const folderLayout = join(configPath, 'layout.yaml');
    if (layout === undefined && existsSync(folderLayout)) {
      layout = folderLayout;
    }
  } else if (basename(configPath) === 'service-configuration.yaml') {
    warnings.push(`${configPath}: paictl only reads services-configuration.yaml; rename the file before pushing it with paictl`);
  }

  const servicesFileName = basename(servicesPath);
  const source: ConfigurationSource = {
    services: parseYamlSource(readFileSync(servicesPath, 'utf8'), servicesFileName),
    servicesFileName,
    ...(layout === undefined ? {} : { layout: parseYamlSource(readFileSync(layout, 'utf8'), basename(layout)), layoutFileName: basename(layout) }),
  };
  return { source, warnings };
}
