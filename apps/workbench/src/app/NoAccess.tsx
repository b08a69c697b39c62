import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { PageTitle } from '../ui/PageTitle';

/** Shown instead of a screen the signed-in role may not use (and for roles with no screen yet). */
export function NoAccess() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <PageTitle>{t('noAccess.title')}</PageTitle>
      <p className="usa-intro">
        {t('noAccess.body', { role: session ? t(`roles.${session.actor.role}`) : '' })}
      </p>
      <p>{t('noAccess.api')}</p>
    </>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p className="usa-intro">{t('notFound.body')}</p>
    </>
  );
}
