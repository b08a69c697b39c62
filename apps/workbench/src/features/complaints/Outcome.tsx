import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { agencyOf } from './complaint-format';
import type { ComplaintView } from './complaint-types';

/** How the complaint ended at intake, or the case it became. */
export function Outcome({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const f = useFormat();
  switch (view.status) {
    case 'opened':
      return (
        <Alert kind="success" heading={t('complaint.outcome.opened', { caseNumber: view.caseNumber })}>
          <p>
            {t('complaint.outcome.openedBody', {
              priority: view.priority,
              office: view.office,
              date: f.dateTime(view.openedAt),
            })}
          </p>
          <p>
            <Link className="usa-button" to={`/cases/${view.caseId}`}>
              {t('complaint.outcome.toCaseFile')}
            </Link>
          </p>
        </Alert>
      );
    case 'declined':
      return (
        <Alert kind="info" heading={t('complaint.outcome.declined')}>
          <p>{view.decline && t(`complaint.declineReasons.${view.decline.reasonCode}`)}</p>
          {view.decline?.note && <p>{view.decline.note}</p>}
        </Alert>
      );
    case 'referred_out':
      return (
        <Alert
          kind="info"
          heading={t('complaint.outcome.referredOut', {
            agency: view.referral ? agencyOf(t, view.referral) : '',
          })}
        >
          {view.referral?.reason && <p>{view.referral.reason}</p>}
        </Alert>
      );
    case 'duplicate':
      return (
        <Alert kind="info" heading={t('complaint.outcome.duplicate')}>
          {view.duplicateOfCaseId && (
            <Link to={`/complaints/${view.duplicateOfCaseId}`}>{t('complaint.outcome.seeOther')}</Link>
          )}
        </Alert>
      );
    case 'merged':
      return (
        <Alert kind="info" heading={t('complaint.outcome.merged')}>
          {view.mergedIntoCaseId && (
            <Link to={`/complaints/${view.mergedIntoCaseId}`}>{t('complaint.outcome.seeOther')}</Link>
          )}
        </Alert>
      );
    case 'withdrawn':
      return <Alert kind="info" heading={t('complaint.outcome.withdrawn')} />;
    default:
      return null;
  }
}
