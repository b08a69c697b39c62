import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { PageTitle } from '../../ui/PageTitle';
import { ComplaintQueue } from './ComplaintQueue';

/** Every complaint, at any status: the queue with all its filters. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const mayReceive = session?.actor.role === 'intake_officer' || session?.actor.role === 'supervisor';
  return (
    <>
      <PageTitle subtitle={t('complaints.subtitle')}>{t('complaints.title')}</PageTitle>
      {mayReceive && (
        <p>
          <Link className="usa-button" to="/complaints/new">
            {t('nav.newComplaint')}
          </Link>
        </p>
      )}
      <ComplaintQueue />
    </>
  );
}
