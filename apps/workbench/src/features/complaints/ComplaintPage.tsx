import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { Allegations } from './Allegations';
import { Assessments } from './Assessments';
import { Complainants } from './Complainants';
import type { ComplaintView } from './complaint-types';
import { EmployerSection } from './EmployerSection';
import { Links } from './Links';
import { Outcome } from './Outcome';
import { DecisionStep } from './steps/DecisionStep';
import { JurisdictionStep } from './steps/JurisdictionStep';
import { LimitationsStep } from './steps/LimitationsStep';
import type { StepProps } from './steps/step-props';
import { TriageStep } from './steps/TriageStep';
import { SummaryStrip } from './SummaryStrip';

/**
 * One complaint as intake holds it now (GET /complaints/{caseId}; its version is the If-Match of
 * every action here): who complained, about whom and what, and the intake steps: jurisdiction,
 * limitations, triage, then open, refer out, link as a duplicate or decline.
 */
export function ComplaintPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { caseId = '' } = useParams();
  const mayAct = useMay('POST /api/v1/complaints/{caseId}/triage');
  const query = useQuery({
    queryKey: ['complaint', caseId],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/complaints/{caseId}', { params: { path: { caseId } } }),
      ) as unknown as ComplaintView,
  });
  const reload = () => void query.refetch();
  const view = query.data;

  if (!view) {
    return (
      <>
        <PageTitle>{t('complaint.title')}</PageTitle>
        {query.isPending ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <ErrorAlert error={query.error} onReload={reload} />
        )}
      </>
    );
  }
  const { complaint } = view;
  const stepProps: StepProps = { view, reload };
  return (
    <>
      <PageTitle
        subtitle={t('complaint.subtitle', {
          channel: t(`intake.channels.${complaint.channel}`),
          date: f.dateTime(complaint.receivedAt),
        })}
      >
        {t('complaint.titleFor', { employer: complaint.employer.name })}
      </PageTitle>
      {/* A refetch that failed (the service went down, say) is said above what is still shown. */}
      <ErrorAlert error={query.error} onReload={reload} />
      <SummaryStrip view={view} />
      <Outcome view={view} />
      <div className="grid-row grid-gap-4 margin-top-3">
        <div className="desktop:grid-col-5">
          <Complainants view={view} />
          <EmployerSection view={view} />
          <Allegations view={view} />
          {complaint.intakeNotes && (
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading" className="font-sans-md">
                {t('intake.notes.label')}
              </h2>
              <p className="workbench-prewrap">{complaint.intakeNotes}</p>
            </section>
          )}
          <Links view={view} />
        </div>
        <div className="desktop:grid-col-7">
          <section aria-labelledby="steps-heading">
            <h2 id="steps-heading" className="font-sans-lg margin-top-0">
              {t('complaint.steps')}
            </h2>
            {view.status === 'received' && mayAct ? (
              <ol className="usa-process-list">
                <Step heading={t('complaint.jurisdiction.heading')} done={!!complaint.jurisdiction}>
                  <JurisdictionStep {...stepProps} />
                </Step>
                <Step heading={t('complaint.limitations.heading')} done={!!complaint.limitations}>
                  <LimitationsStep {...stepProps} />
                </Step>
                <Step heading={t('complaint.triage.heading')} done={!!complaint.triage}>
                  <TriageStep {...stepProps} />
                </Step>
                <Step heading={t('complaint.decide.heading')} done={false}>
                  <DecisionStep {...stepProps} />
                </Step>
              </ol>
            ) : (
              <>
                {view.status === 'received' ? (
                  <p data-testid="steps-read-only">{t('complaint.stepsReadOnly')}</p>
                ) : (
                  <p>{t('complaint.stepsDone', { status: t(`complaintStatus.${view.status}`) })}</p>
                )}
                <Assessments view={view} />
              </>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function Step({ heading, done, children }: { heading: string; done: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="usa-process-list__item">
      <h3 className="usa-process-list__heading">
        {heading} {done && <span className="usa-tag bg-green">{t('complaint.stepDone')}</span>}
      </h3>
      <div className="margin-top-1">{children}</div>
    </li>
  );
}
