'use client';

import { useState } from 'react';

import type { ItemPage, ListedItem } from '@openpai-marketplace/shared-types';

import type { ItemFilters } from '../api/api-client';
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
    q: filters.q,
    type: filters.type && filters.type !== 'all' ? filters.type : undefined,
    author: filters.mine === '1' ? user : undefined,
    tag: filters.tag,
    category: filters.category,
    sort: filters.sort,
    limit: String(PAGE_SIZE),
    facets: 'true',
  };
  const state = useAsync(() => api.searchItems(query), JSON.stringify(query));
  const labels = useAsync(() => Promise.all([api.listTags(), api.listCategories()]), 'labels');
  const setFilter = (name: string, value: string) => navigate({ view: 'list', filters: { ...filters, [name]: value } }, { replace: true });
  const facets = state.status === 'done' ? state.value.facets : undefined;
  const counted = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);

  return (
    <section aria-label={t('app.title')}>
      <div className="mkt-toolbar">
        <input
          className="mkt-search"
          type="search"
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          defaultValue={filters.q ?? ''}
          onKeyDown={(event) => event.key === 'Enter' && setFilter('q', event.currentTarget.value)}
          onBlur={(event) => event.currentTarget.value !== (filters.q ?? '') && setFilter('q', event.currentTarget.value)}
        />
        <label>
          {t('list.type')}{' '}
          <select value={filters.type ?? 'all'} onChange={(event) => setFilter('type', event.target.value)}>
            {(['all', 'template', 'data', 'old'] as const).map((type) => (
              <option key={type} value={type}>
                {counted(t(`list.type.${type}`), type === 'all' ? undefined : facets?.type[type])}
              </option>
            ))}
          </select>
        </label>
        {labels.status === 'done' && (
          <>
            <LabelFilter label={t('list.tag')} names={labels.value[0].map((tag) => tag.name)} counts={facets?.tag} value={filters.tag} onChange={(value) => setFilter('tag', value)} />
            <LabelFilter
              label={t('list.category')}
              names={labels.value[1].map((category) => category.name)}
              counts={facets?.category}
              value={filters.category}
              onChange={(value) => setFilter('category', value)}
            />
          </>
        )}
        {user && (
          <label>
            <input type="checkbox" checked={filters.mine === '1'} onChange={(event) => setFilter('mine', event.target.checked ? '1' : '')} /> {t('list.mine')}
          </label>
        )}
        <label>
          {t('list.sort')}{' '}
          <select value={filters.sort ?? (filters.q ? 'relevance' : 'newest')} onChange={(event) => setFilter('sort', event.target.value)}>
            {(['relevance', 'newest', 'updated', 'stars', 'uses'] as const).map((sort) => (
              <option key={sort} value={sort}>
                {t(`list.sort.${sort}`)}
              </option>
            ))}
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
      {state.status === 'done' && <Results key={JSON.stringify(query)} first={state.value} query={query} />}
    </section>
  );
}

function LabelFilter({ label, names, counts, value, onChange }: { label: string; names: string[]; counts?: Record<string, number>; value?: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('list.any')}</option>
        {[...new Set(names)].sort().map((name) => (
          <option key={name} value={name}>
            {counts ? `${name} (${counts[name] ?? 0})` : name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Renders the first page and the pages "Show more" fetches after it. */
function Results({ first, query }: { first: ItemPage; query: ItemFilters }) {
  const { api } = useEnvironment();
  const { t } = useI18n();
  const [items, setItems] = useState<ListedItem[]>(first.items);
  const [nextOffset, setNextOffset] = useState(first.nextOffset);
  const [error, setError] = useState<Error>();

  const loadMore = async () => {
    try {
      const page = await api.searchItems({ ...query, offset: String(nextOffset), facets: undefined });
      setItems((current) => [...current, ...page.items]);
      setNextOffset(page.nextOffset);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  if (items.length === 0) {
    return <p className="mkt-empty">{t('list.empty')}</p>;
  }
  return (
    <>
      <p className="mkt-count" aria-live="polite">
        {t(countMessage(first.total, first.totalExact), { count: first.total })}
      </p>
      <ul className="mkt-cards">
        {items.map((item) => (
          <li key={item.id} className="mkt-card">
            <a href={routeHref({ view: 'detail', itemId: item.id })}>
              <h2>{item.name}</h2>
            </a>
            <p className="mkt-meta">
              {item.author} · {typeLabel(item.type, t)} · ★ {item.starNumber}
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
      {error && <ErrorNotice error={error} />}
      {nextOffset !== null && (
        <button type="button" className="mkt-button mkt-more" onClick={() => void loadMore()}>
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

/** Picks the wording of a result count: singular, plural, or a lower bound past the counting limit. */
function countMessage(total: number, exact: boolean): 'list.countOne' | 'list.count' | 'list.countAtLeast' {
  if (!exact) {
    return 'list.countAtLeast';
  }
  return total === 1 ? 'list.countOne' : 'list.count';
}
