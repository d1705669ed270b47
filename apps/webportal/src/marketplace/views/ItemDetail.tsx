'use client';

import { useMemo, useState } from 'react';

import type { Item } from '@openpai-marketplace/shared-types';

import { useEnvironment } from '../environment';
import { useI18n } from '../i18n/i18n';
import { renderMarkdown } from '../markdown/render-markdown';
import { routeHref, type Route } from '../routing/hash-route';
import { ErrorNotice } from './ErrorNotice';
import { ItemHistory } from './ItemHistory';
import { useAsync } from './use-async';
import { downloadProtocol, storeProtocolForSubmission } from './use-protocol';

/** Shows one template: description, protocol and the actions the server allows the caller. */
export default function ItemDetail({ itemId, navigate }: { itemId: string; navigate: (route: Route) => void }) {
  const { api } = useEnvironment();
  const state = useAsync(() => api.getItem(itemId), itemId);
  const { t } = useI18n();

  return (
    <article className="mkt-detail">
      <a className="mkt-back" href={routeHref({ view: 'list', filters: {} })}>
        ← {t('detail.back')}
      </a>
      {state.status === 'loading' && <div className="mkt-skeleton mkt-detail-skeleton" aria-busy="true" />}
      {state.status === 'failed' && <ErrorNotice error={state.error} />}
      {state.status === 'done' && <ItemView item={state.value} navigate={navigate} />}
    </article>
  );
}

function ItemView({ item, navigate }: { item: Item; navigate: (route: Route) => void }) {
  const { api, mode, portalOrigin } = useEnvironment();
  const { t, language } = useI18n();
  const description = useMemo(() => renderMarkdown(item.description ?? item.summary ?? ''), [item.description, item.summary]);
  const [error, setError] = useState<Error>();
  const { user } = useEnvironment();
  const labels = useAsync(() => Promise.all([api.itemTags(item.id), api.itemCategories(item.id)]), item.id);

  const visibility = item.isPrivate
    ? t('detail.visibility.private')
    : item.isPublic
      ? t('detail.visibility.public')
      : t('detail.visibility.groups', { groups: item.groupList.join(', ') });

  const remove = async () => {
    if (!confirm(t('detail.confirmDelete', { name: item.name ?? item.id }))) {
      return;
    }
    try {
      await api.deleteItem(item.id);
      navigate({ view: 'list', filters: {} });
    } catch (failure) {
      setError(failure as Error);
    }
  };

  const [star, setStar] = useState({ starred: item.starred ?? false, starNumber: item.starNumber });

  const copy = async () => {
    try {
      const created = await api.copyItem(item.id);
      navigate({ view: 'detail', itemId: created.id });
    } catch (failure) {
      setError(failure as Error);
    }
  };

  const toggleStar = async () => {
    try {
      setStar(await api.star(item.id, !star.starred));
    } catch (failure) {
      setError(failure as Error);
    }
  };

  const use = () => {
    storeProtocolForSubmission(item.protocol);
    api.recordUse(item.id).catch(() => undefined);
  };

  return (
    <>
      <h1>{item.name}</h1>
      <dl className="mkt-facts">
        <dt>{t('detail.author')}</dt>
        <dd>{item.author}</dd>
        <dt>{t('detail.source')}</dt>
        <dd>{t(item.source === 'pai' ? 'detail.source.pai' : 'detail.source.marketplace')}</dd>
        <dt>{t('detail.visibility')}</dt>
        <dd>{visibility}</dd>
        <dt>{t('detail.updated')}</dt>
        <dd>{new Date(item.updatedAt).toLocaleString(language)}</dd>
        <dt>{t('detail.uses')}</dt>
        <dd>{item.useNumber}</dd>
        {item.copiedFrom && (
          <>
            <dt>{t('detail.copiedFrom')}</dt>
            <dd>
              <a href={routeHref({ view: 'detail', itemId: item.copiedFrom })}>{item.copiedFrom}</a>
            </dd>
          </>
        )}
        {labels.status === 'done' && labels.value[1].length > 0 && (
          <>
            <dt>{t('detail.categories')}</dt>
            <dd className="mkt-tags">
              {labels.value[1].map((category) => (
                <span key={category.id} className="mkt-tag">
                  {category.name}
                </span>
              ))}
            </dd>
          </>
        )}
        {labels.status === 'done' && labels.value[0].length > 0 && (
          <>
            <dt>{t('detail.tags')}</dt>
            <dd className="mkt-tags">
              {labels.value[0].map((tag) => (
                <span key={tag.id} className="mkt-tag">
                  {tag.name}
                </span>
              ))}
            </dd>
          </>
        )}
        {item.dataUrl && (
          <>
            <dt>{t('detail.dataLocation')}</dt>
            <dd>
              <code>{item.dataUrl}</code> <CopyButton text={item.dataUrl} />
            </dd>
          </>
        )}
      </dl>

      <div className="mkt-actions">
        {item.type !== 'data' && mode === 'plugin' && (
          <a
            className="mkt-button mkt-primary"
            href={`${portalOrigin}/submit.html`}
            // Set before any navigation, so opening in a new tab works as well as a plain click.
            onMouseDown={use}
            onKeyDown={(event) => event.key === 'Enter' && use()}
            onClick={() => storeProtocolForSubmission(item.protocol)}
          >
            {t('detail.use')}
          </a>
        )}
        {(mode === 'standalone' || item.type === 'data') && (
          <button type="button" className="mkt-button mkt-primary" onClick={() => downloadProtocol(item.protocol, item.name ?? item.id)}>
            {t('detail.download')}
          </button>
        )}
        {user && (
          <button type="button" className="mkt-button" aria-pressed={star.starred} onClick={() => void toggleStar()}>
            {star.starred ? '★' : '☆'} {t(star.starred ? 'detail.unstar' : 'detail.star')} ({star.starNumber})
          </button>
        )}
        {user && (
          <button type="button" className="mkt-button" onClick={() => void copy()}>
            {t('detail.copyToMine')}
          </button>
        )}
        {item.permissions.edit && (
          <a className="mkt-button" href={routeHref({ view: 'edit', itemId: item.id })}>
            {t('detail.edit')}
          </a>
        )}
        {item.permissions.delete && (
          <button type="button" className="mkt-button mkt-danger" onClick={() => void remove()}>
            {t('detail.delete')}
          </button>
        )}
      </div>
      {error && <ErrorNotice error={error} />}

      <div className="mkt-markdown" dangerouslySetInnerHTML={{ __html: description }} />

      <h2>
        {t('detail.protocol')} <CopyButton text={item.protocol} />
      </h2>
      <pre className="mkt-code">
        <code>{highlightYaml(item.protocol)}</code>
      </pre>

      <ItemHistory itemId={item.id} />
    </>
  );
}

function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" className="mkt-button mkt-small" onClick={() => void copy()}>
      {copied ? t('detail.copied') : t('detail.copy')}
    </button>
  );
}

/** Colours YAML keys and comments; a light touch that needs no highlighting library. */
function highlightYaml(yaml: string) {
  return yaml.split('\n').map((line, index) => {
    const comment = /^(\s*)(#.*)$/.exec(line);
    if (comment) {
      return (
        <span key={index}>
          {comment[1]}
          <span className="mkt-yaml-comment">{comment[2]}</span>
          {'\n'}
        </span>
      );
    }
    const key = /^(\s*-?\s*)([\w.-]+)(:)(.*)$/.exec(line);
    if (key) {
      return (
        <span key={index}>
          {key[1]}
          <span className="mkt-yaml-key">{key[2]}</span>
          {key[3]}
          {key[4]}
          {'\n'}
        </span>
      );
    }
    return <span key={index}>{`${line}\n`}</span>;
  });
}
