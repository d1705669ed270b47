import { type ResolvedConfiguration } from './config/resolve';
import { type PluginEntrySettings } from './config/schema';

/** One entry of OpenPAI's `webportal.plugins`, as the web portal reads it. */
export interface PluginEntry {
  readonly id: string;
  readonly title: string;
  readonly uri: string;
}

export function marketplacePluginEntry(pylonBase: string): PluginEntry {
  return { id: 'marketplace', title: 'Marketplace', uri: `${pylonBase}/marketplace/plugin.js` };
}

/**
 * Encodes like Python 2's `urllib.quote(value, safe='')`, which paictl uses: only letters, digits
 * and `_.-` stay as they are.
 */
function quote(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Appends a plugin's `config` to its URI as a query string. paictl replaces any query already in
 * the URI; this keeps it and appends, so a hand-written `?lang=en` survives.
 */
export function pluginUri(entry: PluginEntrySettings): string {
  if (!entry.config || entry.config.length === 0) {
    return entry.uri;
  }
  const query = entry.config.map(([key, value]) => `${quote(key)}=${quote(value)}`).join('&');
  const hashIndex = entry.uri.indexOf('#');
  const base = hashIndex === -1 ? entry.uri : entry.uri.slice(0, hashIndex);
  const fragment = hashIndex === -1 ? '' : entry.uri.slice(hashIndex);
  let separator = '?';
  if (base.includes('?')) {
    separator = base.endsWith('?') || base.endsWith('&') ? '' : '&';
  }
  return `${base}${separator}${query}${fragment}`;
}

export interface PluginList {
  /** Plugin list of OpenPAI's web portal: the automatic entry (when on), then the custom ones. */
  readonly effective: PluginEntry[];
  /** The custom entries, de-duplicated, to keep in `webportal.plugins`. */
  readonly custom: PluginEntry[];
  readonly warnings: string[];
}

/**
 * Builds the web portal's plugin list. An entry whose URI or id repeats an earlier one (the
 * automatic marketplace entry included) is reported and left out, because the portal would show
 * the same plugin twice and job cloning matches plugins by id.
 */
export function buildPluginList(configuration: ResolvedConfiguration, automatic: PluginEntry | undefined, fileName: string): PluginList {
  const warnings: string[] = [];
  const effective: PluginEntry[] = automatic ? [automatic] : [];
  const custom: PluginEntry[] = [];
  configuration.openpai.plugins.forEach((settings, index) => {
    const entry: PluginEntry = { id: settings.id, title: settings.title, uri: pluginUri(settings) };
    const sameUri = effective.find((earlier) => earlier.uri === entry.uri);
    const sameId = effective.find((earlier) => earlier.id === entry.id);
    const duplicate = sameUri ?? sameId;
    if (duplicate) {
      const what = sameUri ? `URI ${entry.uri}` : `id ${JSON.stringify(entry.id)}`;
      const source = duplicate === automatic ? 'the automatic marketplace entry' : `the entry with id ${JSON.stringify(duplicate.id)}`;
      warnings.push(`${fileName}: webportal.plugins[${index}]: has the same ${what} as ${source}; left out, remove it from the file`);
      return;
    }
    effective.push(entry);
    custom.push(entry);
  });
  return { effective, custom, warnings };
}
