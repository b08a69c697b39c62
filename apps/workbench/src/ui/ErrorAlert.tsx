import { useTranslation } from 'react-i18next';
import { fieldMessage, isApiError } from '../api/problem';
import { useFormat } from '../i18n/format';
import { Alert } from './Alert';

/**
 * What went wrong, in words a person can act on: who may do this (403), that someone else changed
 * the record (409, with a reload), which fields to fix (400/422), or that a service is down.
 */
export function ErrorAlert({
  error,
  onReload,
  fieldLabel,
}: {
  error: unknown;
  onReload?: () => void;
  /** The form's name for a field path (`complainants.0.name` -> "Complainant 1: Name"), when it has one. */
  fieldLabel?: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  // Roles are listed in the interface's language ("oficial de admisión o supervisor(a)").
  const { locale } = useFormat();
  if (!error) return null;
  if (!isApiError(error)) {
    return (
      <Alert kind="error" heading={t('errors.unexpected.heading')}>
        {t('errors.unexpected.body')}
      </Alert>
    );
  }
  const { status, problem } = error;
  if (error.unavailable) {
    return (
      <Alert kind="error" heading={t('errors.unavailable.heading')}>
        {t('errors.unavailable.body')}
      </Alert>
    );
  }
  if (status === 403) {
    const roles = error.allowedRoles().map((r) => t(`roles.${r}` as 'roles.admin'));
    return (
      <Alert kind="error" heading={t('errors.forbidden.heading')}>
        <p>
          {roles.length
            ? t('errors.forbidden.body', {
                roles: new Intl.ListFormat(locale, { type: 'disjunction' }).format(roles),
              })
            : t('errors.forbidden.bodyNoRoles')}
        </p>
        {problem.detail && <p className="text-base-dark">{problem.detail}</p>}
      </Alert>
    );
  }
  if (status === 409 || status === 412) {
    return (
      <Alert kind="warning" heading={t('errors.conflict.heading')}>
        <p>{t('errors.conflict.body')}</p>
        {problem.detail && <p className="text-base-dark">{problem.detail}</p>}
        {onReload && (
          <button type="button" className="usa-button usa-button--outline" onClick={onReload}>
            {t('errors.conflict.reload')}
          </button>
        )}
      </Alert>
    );
  }
  if (status === 404) {
    return (
      <Alert kind="error" heading={t('errors.notFound.heading')}>
        {problem.detail ?? t('errors.notFound.body')}
      </Alert>
    );
  }
  const fields = problem.errors ?? [];
  // With field errors, the list says it all, in the interface's language (the server's title and
  // detail are English); without, the server's detail is what explains the refusal.
  return (
    <Alert
      kind="error"
      heading={
        fields.length > 0 ? t('errors.rejected.heading') : (problem.title ?? t('errors.rejected.heading'))
      }
    >
      {problem.detail && fields.length === 0 && <p>{problem.detail}</p>}
      {fields.length > 0 && (
        <>
          <p>{t('errors.rejected.fixFields')}</p>
          <ul>
            {fields.map((f, i) => (
              <li key={`${i}:${f.path}`}>
                {(f.path && fieldLabel?.(f.path)) || <code>{f.path || t('errors.rejected.wholeForm')}</code>}:{' '}
                {fieldMessage(f)}
              </li>
            ))}
          </ul>
        </>
      )}
      {problem.correlationId && (
        <p className="font-body-3xs text-base-dark">{t('errors.reference', { id: problem.correlationId })}</p>
      )}
    </Alert>
  );
}
