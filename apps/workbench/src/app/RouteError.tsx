import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Alert } from '../ui/Alert';

/**
 * A screen that failed to load or render shows this, never a blank page. A chunk that cannot be
 * fetched after a new release (or while the gateway is down) is the usual cause: reloading helps.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : undefined;
  return (
    <main id="main-content" className="workbench-main">
      <Alert kind="error" heading={t('errors.screen.heading')}>
        <p>{status === 404 ? t('notFound.body') : t('errors.screen.body')}</p>
        <button type="button" className="usa-button" onClick={() => window.location.reload()}>
          {t('errors.screen.reload')}
        </button>
      </Alert>
    </main>
  );
}
