import { useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import type { ComplaintView } from './complaint-types';
import { DecisionStep } from './steps/DecisionStep';
import { JurisdictionResult, JurisdictionStep } from './steps/JurisdictionStep';
import { LimitationsResult, LimitationsStep } from './steps/LimitationsStep';
import { TriageResult, TriageStep } from './steps/TriageStep';
import type { StepProps } from './steps/step-props';

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

/** What intake assessed, for those who read the complaint rather than work it. */
function Assessments({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const { jurisdiction, limitations, triage } = view.complaint;
  return (
    <>
      <Assessment id="jurisdiction" heading={t('complaint.jurisdiction.heading')}>
        {jurisdiction && <JurisdictionResult jurisdiction={jurisdiction} />}
      </Assessment>
      <Assessment id="limitations" heading={t('complaint.limitations.heading')}>
        {limitations && <LimitationsResult limitations={limitations} />}
      </Assessment>
      <Assessment id="triage" heading={t('complaint.triage.heading')}>
        {triage && <TriageResult triage={triage} />}
      </Assessment>
    </>
  );
}

function Assessment({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="margin-top-3">
      <h3 id={`${id}-heading`} className="margin-bottom-1">
        {heading}
      </h3>
      {children || <p className="margin-top-0">{t('complaint.notAssessed')}</p>}
    </section>
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

function SummaryStrip({ view }: { view: ComplaintView }) {
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

/** How the complaint ended at intake, or the case it became. */
function Outcome({ view }: { view: ComplaintView }) {
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

// Only the call it makes: the whole TFunction type is too deep to instantiate with the full catalog.
type T = (key: 'complaint.agencies.OSHA') => string;
const agencyOf = (t: T, r: { receivingAgency: string; agencyName?: string }) =>
  r.agencyName
    ? `${t(`complaint.agencies.${r.receivingAgency}` as 'complaint.agencies.OSHA')} (${r.agencyName})`
    : t(`complaint.agencies.${r.receivingAgency}` as 'complaint.agencies.OSHA');

function Complainants({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const languageNames = useMemo(
    () => new Intl.DisplayNames([f.locale], { type: 'language', fallback: 'code' }),
    [f.locale],
  );
  const languageOf = (tag: string) => {
    try {
      return languageNames.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  const people = view.complaint.complainants;
  return (
    <section aria-labelledby="complainants-heading">
      <h2 id="complainants-heading" className="font-sans-md margin-top-0">
        {t('intake.complainants.legend')} ({f.number(people.length)})
      </h2>
      {people.length === 0 && <p>{t('complaint.noComplainant')}</p>}
      <ul className="usa-list usa-list--unstyled">
        {people.map((c, i) => (
          <li
            key={c.complainantId}
            className="border-1px border-base-lighter radius-md padding-2 margin-bottom-1"
            data-testid="complainant-card"
          >
            <p className="margin-y-0 text-bold">
              {c.name ?? t('complaint.anonymous', { n: i + 1 })}{' '}
              <span className="usa-tag bg-base-dark">{t(`intake.complainant.roles.${c.role}`)}</span>{' '}
              {c.confidentialityRequested && (
                <span className="usa-tag bg-secondary-dark">{t('complaint.confidential')}</span>
              )}{' '}
              {c.interpreterNeeded && (
                <span className="usa-tag bg-accent-cool-darker">{t('complaint.interpreter')}</span>
              )}
            </p>
            <dl className="workbench-facts margin-top-1">
              <dt>{t('intake.complainant.language')}</dt>
              <dd>{languageOf(c.preferredLanguage)}</dd>
              {c.phone && (
                <>
                  <dt>{t('intake.complainant.phone')}</dt>
                  <dd>{c.phone}</dd>
                </>
              )}
              {c.email && (
                <>
                  <dt>{t('intake.complainant.email')}</dt>
                  <dd>{c.email}</dd>
                </>
              )}
              {c.address && (
                <>
                  <dt>{t('intake.complainant.address')}</dt>
                  <dd>{addressLine(c.address)}</dd>
                </>
              )}
              <dt>{t('complaint.workerId')}</dt>
              <dd className="workbench-mono font-body-3xs">{c.complainantId}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

const addressLine = (a: { street: string; city: string; state: string; postalCode: string }) =>
  `${a.street}, ${a.city}, ${a.state} ${a.postalCode}`;

function EmployerSection({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const e = view.complaint.employer;
  return (
    <section aria-labelledby="employer-heading">
      <h2 id="employer-heading" className="font-sans-md">
        {t('intake.employer.legend')}
      </h2>
      <dl className="workbench-facts">
        <dt>{t('intake.employer.name')}</dt>
        <dd>{e.name}</dd>
        {e.tradeName && (
          <>
            <dt>{t('intake.employer.tradeName')}</dt>
            <dd>{e.tradeName}</dd>
          </>
        )}
        <dt>{t('intake.employer.address')}</dt>
        <dd>{addressLine(e.address)}</dd>
        <dt>{t('intake.employer.fein')}</dt>
        <dd>{e.fein ?? '—'}</dd>
        <dt>{t('intake.employer.naics')}</dt>
        <dd>{e.naics ?? '—'}</dd>
      </dl>
    </section>
  );
}

function Allegations({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="allegations-heading">
      <h2 id="allegations-heading" className="font-sans-md">
        {t('intake.allegations.legend')}
      </h2>
      <div
        className="usa-table-container--scrollable"
        tabIndex={0}
        role="region"
        aria-labelledby="allegations-heading"
      >
        <table className="usa-table usa-table--compact usa-table--borderless width-full">
          <thead>
            <tr>
              <th scope="col">{t('complaint.allegationAndPeriod')}</th>
              <th scope="col" className="text-right">
                {t('intake.allegation.workers')}
              </th>
              <th scope="col" className="text-right">
                {t('complaint.estimate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.complaint.allegations.map((a, i) => (
              <tr key={i}>
                <th scope="row">
                  {t(`allegationTypes.${a.type}`)}
                  <span className="display-block text-normal">
                    {f.date(a.periodStart)} – {a.ongoing ? t('complaint.ongoing') : f.date(a.periodEnd)}
                  </span>
                  {a.description && (
                    <span className="display-block text-normal font-body-2xs workbench-prewrap">
                      {a.description}
                    </span>
                  )}
                </th>
                <td className="workbench-numeric">{f.number(a.workersAffected)}</td>
                <td className="workbench-numeric">
                  {a.estimatedAmountCents == null ? '—' : f.money(a.estimatedAmountCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Cross-filings with other agencies and links to other cases. */
function Links({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const { crossFilings, links = [] } = view.complaint;
  if (crossFilings.length === 0 && links.length === 0) return null;
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading" className="font-sans-md">
        {t('complaint.links.heading')}
      </h2>
      <ul className="usa-list">
        {crossFilings.map((r, i) => (
          <li key={`x${i}`}>{t('complaint.links.crossFiled', { agency: agencyOf(t, r) })}</li>
        ))}
        {links.map((l) => (
          <li key={`${l.kind}${l.caseId}`}>
            {t(`complaint.links.${l.kind}`)}:{' '}
            <Link to={`/complaints/${l.caseId}`}>{t('complaint.outcome.seeOther')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
