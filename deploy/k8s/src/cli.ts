import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from './config/errors';
import { resolveConfiguration } from './config/resolve';
import { YamlSyntaxError } from './config/yaml-source';
import { loadConfigurationSource } from './load';
import { PROFILES, renderProfile, type Profile } from './render';

export const USAGE = `Usage: node deploy/k8s/render.mjs --config FILE [--layout FILE] --out DIR [--profile paictl|standalone]

Renders the marketplace manifests from paictl's services-configuration.yaml.

  --config FILE   services-configuration.yaml, or paictl's configuration folder holding it and layout.yaml
  --layout FILE   layout.yaml; required by the paictl profile (its master IP is the services' address)
  --out DIR       folder for the manifests, the webportal.plugins block and the nginx routes
  --profile NAME  paictl (DaemonSets on the master node, the default) or standalone
                  (StatefulSet, Deployments, Services, Secret and a migration Job)
  --help          print this text`;

export interface CliOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Runs the renderer; returns the process exit code (0 done, 1 invalid configuration, 2 usage). */
export function runCli(argv: readonly string[], output: CliOutput): number {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        config: { type: 'string' },
        layout: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string', default: 'paictl' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    output.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  const profile = values.profile as Profile;
  if (!values.config || !values.out || !PROFILES.includes(profile)) {
    let problem = `--profile must be paictl or standalone, got ${JSON.stringify(values.profile)}`;
    if (!values.config) {
      problem = '--config is missing';
    } else if (!values.out) {
      problem = '--out is missing';
    }
    output.err(`${problem}\n${USAGE}`);
    return 2;
  }

  try {
    const loaded = loadConfigurationSource(values.config, values.layout);
    const resolution = resolveConfiguration(loaded.source);
    const result = renderProfile(resolution.configuration, profile, loaded.source.servicesFileName);
    for (const warning of [...loaded.warnings, ...resolution.warnings, ...result.warnings]) {
      output.err(`warning: ${warning}`);
    }
    mkdirSync(values.out, { recursive: true });
    for (const file of result.files) {
      const path = join(values.out, file.name);
      writeFileSync(path, file.content);
      output.out(`wrote ${path}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof YamlSyntaxError) {
      output.err(`error: invalid configuration:\n${error.message}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      output.err(`error: file not found: ${(error as NodeJS.ErrnoException).path ?? ''}`);
      return 1;
    }
    throw error;
  }
}
