/*
 * plugin.js: the small classic script OpenPAI's web portal loads by URL. It finds its own
 * address, reads the runtime configuration served next to it, then imports the marketplace
 * bundle from the same folder. OpenPAI's proxy drops query strings, so every file is fetched by
 * plain path, resolved from this script's own URL.
 */
declare const PLUGIN_VERSION: string;
declare const PLUGIN_COMMIT: string;

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src ?? location.href).href;

(window as unknown as Record<string, unknown>).__openpaiMarketplacePlugin = { version: PLUGIN_VERSION, commit: PLUGIN_COMMIT, base };

fetch(`${base}runtime-config.json`, { cache: 'no-store' })
  .then((response) => (response.ok ? response.json() : { apiUrl: '/marketplace/api' }))
  .catch(() => ({ apiUrl: '/marketplace/api' }))
  .then((config: { apiUrl: string }) => import(/* webpackIgnore: true */ `${base}plugin/marketplace-plugin.js`).then((bundle) => bundle.definePlugin(config)))
  .catch((error: unknown) => {
    // The host page's console is the only place an admin can see why the plugin did not load.
    // eslint-disable-next-line no-console
    console.error(`OpenPAI Marketplace: the plugin bundle could not be loaded from ${base}plugin/`, error);
  });
