'use client';

import { useState, type FormEvent } from 'react';

import { OFFICIAL_EXAMPLE_CATEGORY, type Category, type Tag } from '@openpai-marketplace/shared-types';

import { useEnvironment } from '../environment';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './ErrorNotice';
import { useAsync } from './use-async';

/** Admins manage tags and categories here; the server enforces who may, this page only offers it. */
export default function AdminPage({ isAdmin }: { isAdmin: boolean }) {
  const { api } = useEnvironment();
  const { t } = useI18n();
  if (!isAdmin) {
    return <p className="mkt-error">{t('admin.only')}</p>;
  }
  return <AdminForms api={api} />;
}

function AdminForms({ api }: { api: ReturnType<typeof useEnvironment>['api'] }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<Error>();
  const labels = useAsync(() => Promise.all([api.listTags(), api.listCategories()]), `admin-${version}`);

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      setVersion((current) => current + 1);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  if (labels.status === 'loading') {
    return <div className="mkt-skeleton mkt-detail-skeleton" aria-busy="true" />;
  }
  if (labels.status === 'failed') {
    return <ErrorNotice error={labels.error} />;
  }
  const [tags, categories] = labels.value;
  return (
    <section className="mkt-admin">
      <h1>{t('admin.title')}</h1>
      {error && <ErrorNotice error={error} />}
      <LabelSection
        title={t('admin.tags')}
        rows={tags}
        onAdd={(name) => void run(() => api.createTag(name))}
        onDelete={(row) => confirm(t('admin.confirmDelete', { name: row.name })) && void run(() => api.deleteTag(row.id))}
      />
      <LabelSection
        title={t('admin.categories')}
        rows={categories}
        onAdd={(name) => void run(() => api.createCategory(name))}
        onDelete={(row) => confirm(t('admin.confirmDelete', { name: row.name })) && void run(() => api.deleteCategory(row.id))}
      />
    </section>
  );
}

function LabelSection<Row extends Tag | Category>({ title, rows, onAdd, onDelete }: { title: string; rows: Row[]; onAdd(name: string): void; onDelete(row: Row): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) {
      onAdd(name.trim());
      setName('');
    }
  };
  return (
    <>
      <h2>{title}</h2>
      <ul className="mkt-label-list">
        {rows.map((row) => (
          <li key={row.id}>
            <span className="mkt-tag">{row.name}</span>
            {row.name === OFFICIAL_EXAMPLE_CATEGORY && <span className="mkt-meta"> {t('admin.official')}</span>}{' '}
            <button type="button" className="mkt-button mkt-small mkt-danger" aria-label={`${t('admin.delete')} ${row.name}`} onClick={() => onDelete(row)}>
              {t('admin.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="mkt-toolbar">
        <input aria-label={`${title}: ${t('admin.newName')}`} placeholder={t('admin.newName')} maxLength={255} value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="mkt-button">
          {t('admin.add')}
        </button>
      </form>
    </>
  );
}
