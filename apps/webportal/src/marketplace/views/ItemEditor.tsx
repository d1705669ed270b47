'use client';

import { useState, type FormEvent } from 'react';

import type { ErrorDetail, Item } from '@openpai-marketplace/shared-types';

import { ApiError } from '../api/api-client';
import { useEnvironment } from '../environment';
import { useI18n } from '../i18n/i18n';
import { routeHref, type Route } from '../routing/hash-route';
import { ErrorNotice } from './ErrorNotice';
import { dataTemplateProtocol } from './data-protocol';
import { useAsync } from './use-async';

type Share = 'public' | 'private' | 'groups';

interface Draft {
  kind: 'template' | 'data';
  dataUrl: string;
  name: string;
  summary: string;
  description: string;
  protocol: string;
  share: Share;
  groups: string;
}

const EMPTY_DRAFT: Draft = { kind: 'template', dataUrl: '', name: '', summary: '', description: '', protocol: '', share: 'private', groups: '' };

/** Creates a template, or edits one the server allows the caller to edit. */
export default function ItemEditor({ itemId, navigate }: { itemId?: string; navigate: (route: Route) => void }) {
  const { api } = useEnvironment();
  const state = useAsync(() => (itemId ? api.getItem(itemId) : Promise.resolve(undefined)), itemId ?? 'new');

  if (state.status === 'loading') {
    return <div className="mkt-skeleton mkt-detail-skeleton" aria-busy="true" />;
  }
  if (state.status === 'failed') {
    return <ErrorNotice error={state.error} />;
  }
  return <EditorForm item={state.value} navigate={navigate} />;
}

function EditorForm({ item, navigate }: { item?: Item; navigate: (route: Route) => void }) {
  const { api, user, openPai } = useEnvironment();
  const { t } = useI18n();
  const groups = useAsync(() => (openPai ? openPai.listGroups() : Promise.resolve(undefined)), 'groups');
  const [draft, setDraft] = useState<Draft>(() => (item ? draftOf(item) : EMPTY_DRAFT));
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const [error, setError] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const change = (field: keyof Draft, value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblems([]);
    setError(undefined);
    const protocol = draft.kind === 'data' && !item ? dataTemplateProtocol(draft.name, draft.dataUrl) : draft.protocol;
    const body = {
      name: draft.name,
      summary: draft.summary,
      description: draft.description,
      protocol,
      ...(draft.kind === 'data' ? { dataType: 'http', dataUrl: draft.dataUrl } : {}),
      isPublic: draft.share === 'public',
      isPrivate: draft.share === 'private',
      groupList: draft.share === 'groups' ? draft.groups.split(',').map((group) => group.trim()).filter(Boolean) : [],
    };
    try {
      if (item) {
        await api.updateItem(item.id, body);
        navigate({ view: 'detail', itemId: item.id });
      } else {
        const created = await api.createItem({ ...body, author: user, type: draft.kind, source: 'marketplace' });
        navigate({ view: 'detail', itemId: created.id });
      }
    } catch (failure) {
      if (failure instanceof ApiError && failure.body?.details?.length) {
        setProblems(failure.body.details);
      }
      setError(failure as Error);
    } finally {
      setSaving(false);
    }
  };

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const protocolName = /^name:\s*(\S.*)$/m.exec(text)?.[1].trim();
    setDraft((current) => ({ ...current, protocol: text, name: current.name || protocolName || '' }));
  };

  return (
    <form className="mkt-editor" onSubmit={(event) => void save(event)}>
      <h1>{item ? t('editor.editTitle', { name: item.name ?? item.id }) : t('editor.createTitle')}</h1>
      {!item && (
        <label>
          {t('editor.kind')}
          <select value={draft.kind} onChange={(event) => change('kind', event.target.value)}>
            <option value="template">{t('editor.kind.job')}</option>
            <option value="data">{t('editor.kind.data')}</option>
          </select>
        </label>
      )}
      {!item && draft.kind === 'template' && openPai && user && <JobPicker onPick={(name, protocol) => setDraft((current) => ({ ...current, name: current.name || name, protocol }))} />}
      <label>
        {t('editor.name')}
        <input required maxLength={255} value={draft.name} onChange={(event) => change('name', event.target.value)} />
      </label>
      <label>
        {t('editor.summary')}
        <input maxLength={255} value={draft.summary} onChange={(event) => change('summary', event.target.value)} />
      </label>
      <label>
        {t('editor.description')}
        <textarea rows={6} value={draft.description} onChange={(event) => change('description', event.target.value)} />
      </label>
      {draft.kind === 'data' && !item ? (
        <label>
          {t('editor.dataUrl')}
          <input type="url" required value={draft.dataUrl} onChange={(event) => change('dataUrl', event.target.value)} />
        </label>
      ) : (
        <>
          <label>
            {t('editor.protocol')}
            <textarea className="mkt-code-input" rows={16} spellCheck={false} value={draft.protocol} onChange={(event) => change('protocol', event.target.value)} />
          </label>
          <label>
            {t('editor.upload')} <input type="file" accept=".yaml,.yml,text/yaml" onChange={(event) => void loadFile(event.target.files?.[0])} />
          </label>
        </>
      )}
      {problems.length > 0 && (
        <ul className="mkt-problems" role="alert">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.line !== undefined && <strong>{t('editor.line', { line: problem.line })}: </strong>}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
      {error && problems.length === 0 && <ErrorNotice error={error} />}

      <fieldset>
        <legend>{t('editor.share')}</legend>
        {(['public', 'private', 'groups'] as const).map((share) => (
          <label key={share}>
            <input type="radio" name="share" checked={draft.share === share} onChange={() => change('share', share)} /> {t(`editor.share.${share}`)}
          </label>
        ))}
        {draft.share === 'groups' &&
          (groups.status === 'done' && groups.value ? (
            <GroupChoice all={groups.value} chosen={draft.groups} onChange={(value) => change('groups', value)} />
          ) : (
            <label>
              {t('editor.groups')}
              <input value={draft.groups} onChange={(event) => change('groups', event.target.value)} />
            </label>
          ))}
      </fieldset>

      <div className="mkt-actions">
        <button type="submit" className="mkt-button mkt-primary" disabled={saving}>
          {t('editor.save')}
        </button>
        <a className="mkt-button" href={item ? routeHref({ view: 'detail', itemId: item.id }) : routeHref({ view: 'list', filters: {} })}>
          {t('editor.cancel')}
        </a>
      </div>
    </form>
  );
}

/** Lets the user start from the protocol of one of their own OpenPAI jobs. */
function JobPicker({ onPick }: { onPick(name: string, protocol: string): void }) {
  const { openPai, user } = useEnvironment();
  const { t } = useI18n();
  const jobs = useAsync(() => openPai!.listJobs(user!), `jobs-${user}`);
  const [error, setError] = useState<Error>();

  const pick = async (name: string) => {
    try {
      onPick(name, await openPai!.getJobConfig(user!, name));
    } catch (failure) {
      setError(failure as Error);
    }
  };

  if (jobs.status === 'failed') {
    return <ErrorNotice error={jobs.error} />;
  }
  if (jobs.status === 'loading') {
    return null;
  }
  return (
    <label>
      {t('editor.fromJob')}
      {jobs.value.length === 0 ? (
        <span>{t('editor.noJobs')}</span>
      ) : (
        <select defaultValue="" onChange={(event) => event.target.value && void pick(event.target.value)}>
          <option value="">{t('editor.pickJob')}</option>
          {jobs.value.map((job) => (
            <option key={job.name} value={job.name}>
              {job.name}
            </option>
          ))}
        </select>
      )}
      {error && <ErrorNotice error={error} />}
    </label>
  );
}

/** Check boxes for OpenPAI's groups; the choice is kept as a comma-separated list. */
function GroupChoice({ all, chosen, onChange }: { all: string[]; chosen: string; onChange(value: string): void }) {
  const selected = new Set(chosen.split(',').map((group) => group.trim()).filter(Boolean));
  const toggle = (group: string, on: boolean) => {
    if (on) selected.add(group);
    else selected.delete(group);
    onChange([...selected].join(', '));
  };
  return (
    <div className="mkt-groups">
      {all.map((group) => (
        <label key={group}>
          <input type="checkbox" checked={selected.has(group)} onChange={(event) => toggle(group, event.target.checked)} /> {group}
        </label>
      ))}
    </div>
  );
}

function shareOf(item: Item): Share {
  if (item.isPrivate) {
    return 'private';
  }
  return item.isPublic ? 'public' : 'groups';
}

function draftOf(item: Item): Draft {
  return {
    kind: item.type === 'data' ? 'data' : 'template',
    dataUrl: item.dataUrl ?? '',
    name: item.name ?? '',
    summary: item.summary ?? '',
    description: item.description ?? '',
    protocol: item.protocol,
    share: shareOf(item),
    groups: item.groupList.join(', '),
  };
}
