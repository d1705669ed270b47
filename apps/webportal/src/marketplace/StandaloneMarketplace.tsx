'use client';

import { useEffect, useMemo, useState } from 'react';

import type { DevUser } from '@openpai-marketplace/shared-types';

import { MarketplaceApi } from './api/api-client';
import { EnvironmentContext } from './environment';
import { I18nProvider, useI18n } from './i18n/i18n';
import { MarketplaceApp } from './views/MarketplaceApp';

const USER_KEY = 'marketplace.devUser';

/**
 * Renders the standalone pages, for local and compose runs. When the API runs its development identity
 * provider, a user picker chooses whose token to send; Use offers a download instead of the
 * hand-off to OpenPAI's submission page.
 */
export function StandaloneMarketplace({ apiUrl }: { apiUrl: string }) {
  const [users, setUsers] = useState<DevUser[]>([]);
  const [username, setUsername] = useState<string>();
  const [usersLoaded, setUsersLoaded] = useState(false);

  useEffect(() => {
    fetch(`${apiUrl.replace(/\/+$/, '')}/auth/dev-users`)
      .then((response) => (response.ok ? (response.json() as Promise<DevUser[]>) : []))
      .then((list) => {
        setUsers(list);
        const stored = localStorage.getItem(USER_KEY);
        setUsername(list.find((user) => user.username === stored)?.username ?? list[0]?.username);
      })
      .catch(() => setUsers([]))
      .finally(() => setUsersLoaded(true));
  }, [apiUrl]);

  const user = users.find((candidate) => candidate.username === username);
  const environment = useMemo(
    () => ({ api: new MarketplaceApi(apiUrl, user?.token), mode: 'standalone' as const, user: user?.username, portalOrigin: '' }),
    [apiUrl, user],
  );

  // Until the user list is known, any request would go out without a token and fail.
  if (!usersLoaded) {
    return null;
  }
  return (
    <I18nProvider>
      <EnvironmentContext.Provider value={environment}>
        <MarketplaceApp
          key={user?.username ?? 'anonymous'}
          userPicker={users.length > 0 && <UserPicker users={users} value={username} onChange={(name) => (localStorage.setItem(USER_KEY, name), setUsername(name))} />}
        />
      </EnvironmentContext.Provider>
    </I18nProvider>
  );
}

function UserPicker({ users, value, onChange }: { users: DevUser[]; value?: string; onChange(name: string): void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('app.user')}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {users.map((user) => (
          <option key={user.username} value={user.username}>
            {user.username}
            {user.admin ? ' (admin)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
