'use client';

import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

/**
 * Shows an error. A response of the marketplace API in its own error shape is shown as the
 * server's sentence. Anything else (no response, another server's page) names the URL, so a wrong
 * API address is obvious.
 */
export function ErrorNotice({ error }: { error: Error }) {
  const { t } = useI18n();
  const fromOurApi = error instanceof ApiError && error.body !== undefined && error.status < 500;
  const text = error instanceof ApiError && !fromOurApi ? t('app.apiError', { url: error.url, message: error.message }) : error.message;
  return (
    <div className="mkt-error" role="alert">
      {text}
    </div>
  );
}
