'use client';

import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

/** Shows an error; for API failures it names the URL, so a wrong API address is obvious. */
export function ErrorNotice({ error }: { error: Error }) {
  const { t } = useI18n();
  const text = error instanceof ApiError ? t('app.apiError', { url: error.url, message: error.message }) : error.message;
  return (
    <div className="mkt-error" role="alert">
      {text}
    </div>
  );
}
