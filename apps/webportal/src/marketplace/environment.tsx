'use client';

import { createContext, useContext } from 'react';

import type { MarketplaceApi } from './api/api-client';
import type { OpenPaiApi } from './api/openpai-client';

/** Context of the UI: inside OpenPAI's plugin page or on the standalone pages, and for which user. */
export interface MarketplaceEnvironment {
  api: MarketplaceApi;
  mode: 'plugin' | 'standalone';
  /** The signed-in user, as OpenPAI names them; undefined without a token. */
  user?: string;
  /** OpenPAI's web portal origin, for the login page and the job submission page. */
  portalOrigin: string;
  /** OpenPAI's rest-server, inside OpenPAI with a token; undefined on the standalone pages. */
  openPai?: OpenPaiApi;
}

export const EnvironmentContext = createContext<MarketplaceEnvironment | undefined>(undefined);

export function useEnvironment(): MarketplaceEnvironment {
  const environment = useContext(EnvironmentContext);
  if (!environment) {
    throw new Error('useEnvironment must be used inside EnvironmentContext');
  }
  return environment;
}
