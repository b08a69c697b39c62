import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, useParams } from 'react-router';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { NoAccess, NotFound } from '../../app/NoAccess';
import { operationRoles } from '../../api/operation-roles';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { AuditLinks } from '../audit/AuditLinks';
import { AssignInvestigator } from './AssignInvestigator';
import { CaseSummary } from './CaseSummary';
import { READ_COMPLAINT, READ_INVESTIGATION, useCaseData, type NoInvestigation } from './case-data';
import { CASE_FILE_TABS } from './tab-registry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One page per case: /cases/:caseId/:tab. The summary strip over a side navigation of the tabs the
 * role may see (tab-registry.ts); /cases/:caseId opens the first of them.
 */
export function CaseFilePage() {
  const { caseId = '', tab: tabId } = useParams();
  const session = useSession();
  const role = session?.actor.role;
  const tabs = CASE_FILE_TABS.filter((x) => role && x.roles.includes(role));
  if (!role || !may(role, 'GET /api/v1/cases')) return <NoAccess />;
  if (!UUID.test(caseId)) return <NotFound />;
  if (!tabId && tabs[0]) return <Navigate to={`/cases/${caseId}/${tabs[0].id}`} replace />;
  return <CaseFile caseId={caseId} tabId={tabId} />;
}

function CaseFile({ caseId, tabId }: { caseId: string; tabId: string | undefined }) {
  const { t } = useTranslation();
  const session = useSession()!;
  const role = session.actor.role;
  const data = useCaseData(caseId, role);
  const tabs = CASE_FILE_TABS.filter((x) => x.roles.includes(role));
  const tab = tabs.find((x) => x.id === tabId);
  const known = CASE_FILE_TABS.some((x) => x.id === tabId);
  const title = data.caseNumber
    ? t('caseFile.title', { caseNumber: data.caseNumber })
    : data.noInvestigation === 'ended_at_intake'
      ? t('caseFile.titleEnded')
      : data.noInvestigation === 'not_opened'
        ? t('caseFile.titleNotOpened')
        : t('caseFile.titleUnknown');

  return (
    <>
      <nav aria-label={t('caseFile.breadcrumb')} className="usa-breadcrumb padding-top-0">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to="/cases">
              {t('cases.title')}
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {data.caseNumber ?? t('caseFile.titleUnknown')}
          </li>
        </ol>
      </nav>
      <PageTitle>{title}</PageTitle>
      <CaseSummary data={data} />
      <AuditLinks caseId={caseId} />
      {data.investigation &&
        data.investigation.status === 'open' &&
        may(role, 'POST /api/v1/cases/{caseId}/investigation/assignment') && (
          <AssignInvestigator caseId={caseId} investigation={data.investigation} onDone={data.refresh} />
        )}
      <NoInvestigationNotice
        reason={data.noInvestigation}
        error={data.investigationError}
        caseId={caseId}
        onReload={data.refresh}
      />
      <div className="grid-row grid-gap-4 margin-top-3">
        <nav className="desktop:grid-col-3 margin-bottom-3" aria-label={t('caseFile.tabsLabel')}>
          <ul className="usa-sidenav">
            {tabs.map((x) => (
              <li className="usa-sidenav__item" key={x.id}>
                <NavLink
                  to={`/cases/${caseId}/${x.id}`}
                  className={({ isActive }) => (isActive ? 'usa-current' : undefined)}
                >
                  {t(x.labelKey as 'caseFile.tabs.timeline')}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <section className="desktop:grid-col-9" aria-labelledby="case-tab-heading">
          {tab ? (
            <>
              <h2 id="case-tab-heading" className="margin-top-0">
                {t(tab.labelKey as 'caseFile.tabs.timeline')}
              </h2>
              <tab.Component caseId={caseId} investigation={data.investigation} refresh={data.refresh} />
            </>
          ) : (
            <>
              <h2 id="case-tab-heading" className="margin-top-0">
                {known ? t('caseFile.tabForbidden.heading') : t('caseFile.tabMissing.heading')}
              </h2>
              <p>
                {known
                  ? t('caseFile.tabForbidden.body', { role: t(`roles.${role}`) })
                  : t('caseFile.tabMissing.body')}
              </p>
            </>
          )}
        </section>
      </div>
    </>
  );
}

function NoInvestigationNotice({
  reason,
  error,
  caseId,
  onReload,
}: {
  reason: NoInvestigation | null;
  error: unknown;
  caseId: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const role = useSession()?.actor.role;
  if (!reason || reason === 'loading') return null;
  if (reason === 'failed') return <ErrorAlert error={error} onReload={onReload} />;
  if (reason === 'not_visible') {
    const roles = new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(
      (operationRoles[READ_INVESTIGATION] ?? []).map((r) => t(`roles.${r}` as 'roles.admin')),
    );
    return (
      <Alert kind="info" slim>
        {t('caseFile.investigationNotVisible', { roles })}
      </Alert>
    );
  }
  if (reason === 'not_opened')
    return (
      <Alert kind="info" heading={t('caseFile.notOpened.heading')} headingLevel="h2">
        <p>{t('caseFile.notOpened.body')}</p>
        <Link to={`/complaints/${caseId}`}>{t('caseFile.openComplaint')}</Link>
      </Alert>
    );
  if (reason === 'ended_at_intake')
    return (
      <Alert kind="info" heading={t('caseFile.endedAtIntake.heading')} headingLevel="h2">
        <p>{t('caseFile.endedAtIntake.body')}</p>
        {may(role, READ_COMPLAINT) && <Link to={`/complaints/${caseId}`}>{t('caseFile.openComplaint')}</Link>}
      </Alert>
    );
  return (
    <Alert kind="info" heading={t('caseFile.notYet.heading')} headingLevel="h2">
      <p>{t('caseFile.notYet.body')}</p>
      {may(role, READ_INVESTIGATION) && (
        <button type="button" className="usa-button usa-button--outline" onClick={onReload}>
          {t('caseFile.notYet.check')}
        </button>
      )}
    </Alert>
  );
}
