import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import type { ComplaintView } from './complaint-types';

/** Status, priority, case number, office, received and limitations at a glance. */
export function SummaryStrip({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { complaint } = view;
  const priority = view.priority ?? complaint.triage?.priority;
  const limitations = complaint.limitations;
  return (
    <div className="workbench-summary-strip" data-testid="complaint-summary">
      <dl>
        <div>
          <dt>{t('complaint.summary.status')}</dt>
          <dd>{t(`complaintStatus.${view.status}`)}</dd>
        </div>
        <div>
          <dt>{t('complaint.summary.priority')}</dt>
          <dd>
            {priority ? (
              <>
                <span className="usa-tag">{priority}</span>{' '}
                {complaint.triage &&
                  t('complaint.summary.score', { score: f.number(complaint.triage.score) })}
              </>
            ) : (
              t('complaints.notTriaged')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('complaint.summary.caseNumber')}</dt>
          <dd>
            {view.caseNumber ? (
              <Link to={`/cases/${view.caseId}`}>{view.caseNumber}</Link>
            ) : (
              t('complaint.summary.notOpened')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('complaint.summary.office')}</dt>
          <dd>{view.office ?? complaint.office}</dd>
        </div>
        <div>
          <dt>{t('complaint.summary.received')}</dt>
          <dd>{f.date(complaint.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('complaint.summary.limitations')}</dt>
          <dd>
            {limitations ? (
              <>
                {f.date(limitations.expiresOn)}{' '}
                {limitations.warning && (
                  <span className="usa-tag bg-secondary-dark">
                    {t(`complaint.limitations.warning.${limitations.warning}`)}
                  </span>
                )}
              </>
            ) : (
              t('complaint.notAssessed')
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
