import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { NoAccess } from '../../app/NoAccess';
import { PageTitle } from '../../ui/PageTitle';
import { ComplaintQueue } from '../complaints/ComplaintQueue';
import { InvestigatorWork } from './InvestigatorWork';
import { SupervisorWork } from './SupervisorWork';

/** The first page of the day: what this person has to do, by role. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  switch (session.actor.role) {
    case 'intake_officer':
      return (
        <>
          <PageTitle subtitle={t('myWork.intake.subtitle')}>{t('myWork.title')}</PageTitle>
          <ComplaintQueue defaultStatus="received" />
        </>
      );
    case 'investigator':
      return (
        <>
          <PageTitle subtitle={t('myWork.investigator.subtitle')}>{t('myWork.title')}</PageTitle>
          <InvestigatorWork investigatorId={session.actor.id} />
        </>
      );
    case 'supervisor':
      return (
        <>
          <PageTitle subtitle={t('myWork.supervisor.subtitle')}>{t('myWork.title')}</PageTitle>
          <SupervisorWork />
        </>
      );
    default:
      return <NoAccess />;
  }
}
