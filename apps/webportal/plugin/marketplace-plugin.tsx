import { createRoot, type Root } from 'react-dom/client';

import { MarketplaceApi } from '../src/marketplace/api/api-client';
import { OpenPaiApi } from '../src/marketplace/api/openpai-client';
import { EnvironmentContext } from '../src/marketplace/environment';
import { I18nProvider } from '../src/marketplace/i18n/i18n';
import { MARKETPLACE_CSS } from '../src/marketplace/styles';
import { MarketplaceApp } from '../src/marketplace/views/MarketplaceApp';

declare const PLUGIN_VERSION: string;
declare const PLUGIN_COMMIT: string;

/** Version and commit of this bundle, stamped at build time. */
export const PLUGIN_BUILD = { version: PLUGIN_VERSION, commit: PLUGIN_COMMIT };

export interface PluginRuntimeConfig {
  /** Base URL of the REST API; relative URLs resolve against OpenPAI's page. */
  apiUrl: string;
}

const OBSERVED = ['pai-rest-server-uri', 'pai-version', 'pai-user', 'pai-rest-server-token'];

/**
 * Defines `<pai-plugin>`, the element OpenPAI's web portal appends to its content area with the
 * attributes `pai-rest-server-uri`, `pai-version`, `pai-user` and `pai-rest-server-token`. The
 * marketplace renders in a shadow root, so the host's CSS and ours do not meet.
 */
export function definePlugin(config: PluginRuntimeConfig): void {
  if (customElements.get('pai-plugin')) {
    return;
  }

  class MarketplacePluginElement extends HTMLElement {
    static observedAttributes = OBSERVED;
    private root?: Root;
    private container?: HTMLDivElement;

    connectedCallback(): void {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      if (!this.container) {
        const style = document.createElement('style');
        style.textContent = MARKETPLACE_CSS;
        this.container = document.createElement('div');
        shadow.append(style, this.container);
      }
      this.dataset.marketplaceVersion = `${PLUGIN_BUILD.version} (${PLUGIN_BUILD.commit})`;
      this.root ??= createRoot(this.container);
      this.render();
    }

    attributeChangedCallback(): void {
      if (this.root) {
        this.render();
      }
    }

    disconnectedCallback(): void {
      this.root?.unmount();
      this.root = undefined;
    }

    private render(): void {
      const token = this.getAttribute('pai-rest-server-token') || undefined;
      const restServerUri = this.getAttribute('pai-rest-server-uri') || undefined;
      const environment = {
        openPai: token && restServerUri ? new OpenPaiApi(restServerUri, token) : undefined,
        api: new MarketplaceApi(config.apiUrl, token),
        mode: 'plugin' as const,
        user: token ? this.getAttribute('pai-user') || undefined : undefined,
        portalOrigin: window.location.origin,
      };
      this.root!.render(
        <I18nProvider>
          <EnvironmentContext.Provider value={environment}>
            <MarketplaceApp />
          </EnvironmentContext.Provider>
        </I18nProvider>,
      );
    }
  }

  customElements.define('pai-plugin', MarketplacePluginElement);
}
