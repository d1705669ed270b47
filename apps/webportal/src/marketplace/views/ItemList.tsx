'use client';

import { useState } from 'react';

import type { ListedItem } from '@openpai-marketplace/shared-types';

import { useEnvironment } from '../environment';
import { useI18n } from '../i18n/i18n';
import { routeHref, type Route } from '../routing/hash-route';
import { ErrorNotice } from './ErrorNotice';
import { useAsync } from './use-async';

/** Cards shown at first and added by each "Show more". */
const PAGE_SIZE = 24;

type Filters = Record<string, string>;

/** Shows the catalogue; search, filters and sort live in the URL hash, so a filtered list can be shared. */
export function ItemList({ filters, navigate }: { filters: Filters; navigate: (route: Route, options?: { replace?: boolean }) => void }) {
  const { api, user } = useEnvironment();
  const { t } = useI18n();
  const query = {
    keyword: filters.keyword,
    type: filters.type && filters.type !== 'all' ? filters.type : undefined,
    author: filters.mine === '1' ? user : undefined,
    tag: filters.tag,
    category: filters.category,
  };
  const state = useAsync(() => api.listItems(query), JSON.stringify(query));
  const labels = useAsync(() => Promise.all([api.listTags(), api.listCategories()]), 'labels');
  const setFilter = (name: string, value: string) => navigate({ view: 'list', filters: { ...filters, [name]: value } }, { replace: true });

  return (
    <section aria-label={t('app.title')}>
      <div className="mkt-toolbar">
        <input
          className="mkt-search"
          type="search"
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          defaultValue={filters.keyword ?? ''}
          onKeyDown={(event) => event.key === 'Enter' && setFilter('keyword', event.currentTarget.value)}
          onBlur={(event) => event.currentTarget.value !== (filters.keyword ?? '') && setFilter('keyword', event.currentTarget.value)}
        />
        <label>
          {t('list.type')}{' '}
          <select value={filters.type ?? 'all'} onChange={(event) => setFilter('type', event.target.value)}>
            {(['all', 'template', 'data', 'old'] as const).map((type) => (
              <option key={type} value={type}>
                {t(`list.type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {user && (
          <label>
            <input type="checkbox" checked={filters.mine === '1'} onChange={(event) => setFilter('mine', event.target.checked ? '1' : '')} /> {t('list.mine')}
          </label>
        )}
        {labels.status === 'done' && (
          <>
            <LabelFilter label={t('list.tag')} names={labels.value[0].map((tag) => tag.name)} value={filters.tag} onChange={(value) => setFilter('tag', value)} />
            <LabelFilter
              label={t('list.category')}
              names={labels.value[1].map((category) => category.name)}
              value={filters.category}
              onChange={(value) => setFilter('category', value)}
            />
          </>
        )}
        <label>
          {t('list.sort')}{' '}
          <select value={filters.sort ?? 'newest'} onChange={(event) => setFilter('sort', event.target.value)}>
            <option value="newest">{t('list.sort.newest')}</option>
            <option value="name">{t('list.sort.name')}</option>
          </select>
        </label>
        {user && (
          <a className="mkt-button mkt-primary" href={routeHref({ view: 'create' })}>
            {t('list.create')}
          </a>
        )}
      </div>

      {state.status === 'loading' && <ListSkeleton label={t('list.loading')} />}
      {state.status === 'failed' && <ErrorNotice error={state.error} />}
      {state.status === 'done' && <Results items={sortItems(state.value, filters.sort)} />}
    </section>
  );
}

function LabelFilter({ label, names, value, onChange }: { label: string; names: string[]; value?: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('list.any')}</option>
        {[...new Set(names)].sort().map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Results({ items }: { items: ListedItem[] }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(PAGE_SIZE);
  if (items.length === 0) {
    return <p className="mkt-empty">{t('list.empty')}</p>;
  }
  return (
    <>
      <p className="mkt-count" aria-live="polite">
        {t('list.count', { count: items.length })}
      </p>
      <ul className="mkt-cards">
        {items.slice(0, shown).map((item) => (
          <li key={item.id} className="mkt-card">
            <a href={routeHref({ view: 'detail', itemId: item.id })}>
              <h2>{item.name}</h2>
            </a>
            <p className="mkt-meta">
              {item.author} · {typeLabel(item.type, t)}
            </p>
            <p>{item.summary}</p>
            <p className="mkt-tags">
              {[...item.ItemCategories, ...item.ItemTags].map((label) => (
                <span key={label.id} className="mkt-tag">
                  {label.name}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {shown < items.length && (
        <button type="button" className="mkt-button mkt-more" onClick={() => setShown(shown + PAGE_SIZE)}>
          {t('list.more')}
        </button>
      )}
    </>
  );
}

function typeLabel(type: string | null, t: ReturnType<typeof useI18n>['t']): string {
  return type === 'template' || type === 'data' || type === 'old' ? t(`list.type.${type}`) : (type ?? '');
}

function ListSkeleton({ label }: { label: string }) {
  return (
    <ul className="mkt-cards" aria-busy="true" aria-label={label}>
      {[0, 1, 2, 3, 4, 5].map((index) => (
        <li key={index} className="mkt-card mkt-skeleton" />
      ))}
    </ul>
  );
}

function sortItems(items: ListedItem[], sort: string | undefined): ListedItem[] {
  if (sort === 'name') {
    return [...items].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  }
  return items;
}
