'use client';

import { useState } from 'react';

import type { LineDiff, RevisionDiff } from '@openpai-marketplace/shared-types';

import { useEnvironment } from '../environment';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './ErrorNotice';
import { useAsync } from './use-async';

/** Lists an item's earlier states and shows what changed since one of them. */
export function ItemHistory({ itemId }: { itemId: string }) {
  const { api } = useEnvironment();
  const { t, language } = useI18n();
  const revisions = useAsync(() => api.revisions(itemId), `revisions-${itemId}`);
  const [diff, setDiff] = useState<RevisionDiff>();
  const [error, setError] = useState<Error>();

  const compare = async (revision: number) => {
    try {
      setDiff(await api.diff(itemId, String(revision)));
    } catch (failure) {
      setError(failure as Error);
    }
  };

  if (revisions.status !== 'done' || revisions.value.length === 0) {
    return null;
  }
  return (
    <section className="mkt-history">
      <h2>{t('history.title')}</h2>
      <ul className="mkt-label-list">
        {revisions.value.map((revision) => (
          <li key={revision.revision}>
            {t('history.revision', { revision: revision.revision, user: revision.changedBy, date: new Date(revision.changedAt).toLocaleString(language) })}{' '}
            <button type="button" className="mkt-button mkt-small" onClick={() => void compare(revision.revision)}>
              {t('history.compare')}
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorNotice error={error} />}
      {diff && (
        <div className="mkt-diff" aria-live="polite">
          <h3>{t('history.changes', { revision: diff.from })}</h3>
          {diff.changedFields.length > 0 && <p>{t('history.fields', { fields: diff.changedFields.join(', ') })}</p>}
          <DiffBlock title={t('editor.description')} diff={diff.description} />
          <DiffBlock title={t('detail.protocol')} diff={diff.protocol} />
        </div>
      )}
    </section>
  );
}

const DIFF_CLASSES = { '+': 'mkt-diff-added', '-': 'mkt-diff-removed', ' ': undefined } as const;

function DiffBlock({ title, diff }: { title: string; diff: LineDiff }) {
  if (!diff.some((entry) => entry.op !== ' ')) {
    return null;
  }
  return (
    <>
      <h4>{title}</h4>
      <pre className="mkt-code">
        {diff.map((entry, index) => (
          <span key={index} className={DIFF_CLASSES[entry.op]}>
            {`${entry.op} ${entry.line}\n`}
          </span>
        ))}
      </pre>
    </>
  );
}
