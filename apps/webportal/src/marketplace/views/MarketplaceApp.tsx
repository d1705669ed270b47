'use client';

import { lazy, Suspense } from 'react';

import { useEnvironment } from '../environment';
import { useI18n } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../i18n/messages';
import { routeHref, useHashRoute } from '../routing/hash-route';
import { ItemList } from './ItemList';
import { useAsync } from './use-async';

// Detail and editor load on demand, so that showing the list stays small.
const ItemDetail = lazy(() => import('./ItemDetail'));
const ItemEditor = lazy(() => import('./ItemEditor'));
const AdminPage = lazy(() => import('./AdminPage'));

/** Renders the whole marketplace UI, shared by the standalone pages and the plugin. */
export function MarketplaceApp({ userPicker }: { userPicker?: React.ReactNode }) {
  const { api, user, portalOrigin, mode } = useEnvironment();
  const { t, language, setLanguage } = useI18n();
  const [route, navigate] = useHashRoute();
  // Only decides whether to offer the admin page; the server checks every admin action itself.
  const caller = useAsync(() => (user ? api.me() : Promise.resolve(undefined)), `me-${user}`);
  const isAdmin = caller.status === 'done' && caller.value?.admin === true;

  return (
    <div className="mkt-app" lang={language}>
      <header className="mkt-header">
        <span className="mkt-title">{t('app.title')}</span>
        <span className="mkt-spacer" />
        {userPicker}
        {isAdmin && (
          <a className="mkt-button mkt-small" href={routeHref({ view: 'admin' })}>
            {t('admin.link')}
          </a>
        )}
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
          {route.view === 'admin' && <AdminPage isAdmin={isAdmin} />}
        </Suspense>
      </main>
    </div>
  );
}
