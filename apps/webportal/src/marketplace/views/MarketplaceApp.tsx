'use client';

import { lazy, Suspense } from 'react';

import { useEnvironment } from '../environment';
import { useI18n } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../i18n/messages';
import { useHashRoute } from '../routing/hash-route';
import { ItemList } from './ItemList';

// Detail and editor load on demand, so that showing the list stays small.
const ItemDetail = lazy(() => import('./ItemDetail'));
const ItemEditor = lazy(() => import('./ItemEditor'));

/** The whole marketplace UI, shared by the standalone pages and the plugin. */
export function MarketplaceApp({ userPicker }: { userPicker?: React.ReactNode }) {
  const { user, portalOrigin, mode } = useEnvironment();
  const { t, language, setLanguage } = useI18n();
  const [route, navigate] = useHashRoute();

  return (
    <div className="mkt-app" lang={language}>
      <header className="mkt-header">
        <span className="mkt-title">{t('app.title')}</span>
        <span className="mkt-spacer" />
        {userPicker}
        {user && <span className="mkt-user">{t('app.signedInAs', { user })}</span>}
        <label>
          {t('app.language')}{' '}
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>

      {!user && mode === 'plugin' && (
        <p className="mkt-error" role="alert">
          {t('app.signInRequired')} <a href={`${portalOrigin}/login.html`}>{t('app.signIn')}</a>
        </p>
      )}

      <main>
        <Suspense fallback={<div className="mkt-skeleton mkt-detail-skeleton" aria-busy="true" />}>
          {route.view === 'list' && <ItemList filters={route.filters} navigate={navigate} />}
          {route.view === 'detail' && <ItemDetail itemId={route.itemId} navigate={navigate} />}
          {route.view === 'create' && <ItemEditor navigate={navigate} />}
          {route.view === 'edit' && <ItemEditor itemId={route.itemId} navigate={navigate} />}
        </Suspense>
      </main>
    </div>
  );
}
