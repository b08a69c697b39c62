import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { NoAccess, NotFound } from '../../app/NoAccess';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { READ_CASE, useCollection, type CollectionCase } from './collection-data';
import { COLLECTION_TABS } from './tabs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The collection case: /collections/:caseId/:tab. A summary of what is owed and collected over a
 * side navigation of its parts; /collections/:caseId opens the overview. Collections officers and
 * supervisors act; auditors read (the actions each role may take are those its API allows).
 */
export function CollectionCasePage() {
  const { caseId = '', tab: tabId } = useParams();
  const role = useSession()?.actor.role;
  if (!may(role, READ_CASE)) return <NoAccess />;
  if (!UUID.test(caseId)) return <NotFound />;
  if (!tabId) return <Navigate to={`/collections/${caseId}/${COLLECTION_TABS[0]!.id}`} replace />;
  return <CollectionCaseScreen caseId={caseId} tabId={tabId} />;
}

function CollectionCaseScreen({ caseId, tabId }: { caseId: string; tabId: string }) {
  const { t } = useTranslation();
  const query = useCollection(caseId);
  const view = query.data;
  const tab = COLLECTION_TABS.find((x) => x.id === tabId);
  const title = view?.caseNumber
    ? t('collectionCase.title', { caseNumber: view.caseNumber })
    : t('collectionCase.titleUnknown');
  return (
    <>
      <nav
        aria-label={t('collectionCase.breadcrumb')}
        className="usa-breadcrumb padding-top-0 workbench-no-print"
      >
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to="/collections">
              {t('collectionCase.receivables')}
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {view?.caseNumber ?? t('collectionCase.titleUnknown')}
          </li>
        </ol>
      </nav>
      <PageTitle>{title}</PageTitle>
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {query.error &&
        (isApiError(query.error) && query.error.status === 404 ? (
          <Alert kind="info" heading={t('collectionCase.none.heading')} headingLevel="h2">
            <p>{t('collectionCase.none.body')}</p>
            <Link to={`/cases/${caseId}`}>{t('collectionCase.caseFile')}</Link>
          </Alert>
        ) : (
          <ErrorAlert error={query.error} onReload={() => void query.refetch()} />
        ))}
      {view && (
        <>
          <Summary view={view} caseId={caseId} />
          <div className="grid-row grid-gap-4 margin-top-3">
            <nav
              className="desktop:grid-col-3 margin-bottom-3 workbench-no-print"
              aria-label={t('collectionCase.tabsLabel')}
            >
              <ul className="usa-sidenav">
                {COLLECTION_TABS.map((x) => (
                  <li className="usa-sidenav__item" key={x.id}>
                    <NavLink
                      to={`/collections/${caseId}/${x.id}`}
                      className={({ isActive }) => (isActive ? 'usa-current' : undefined)}
                    >
                      {t(`collectionCase.tabs.${x.id}`)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <section
              className="desktop:grid-col-9 workbench-print-full"
              aria-labelledby="collection-tab-heading"
            >
              <h2 id="collection-tab-heading" className="margin-top-0 workbench-no-print">
                {tab ? t(`collectionCase.tabs.${tab.id}`) : t('collectionCase.tabMissing.heading')}
              </h2>
              {tab ? (
                <tab.Component caseId={caseId} view={view} />
              ) : (
                <p>{t('collectionCase.tabMissing.body')}</p>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}

function Summary({ view, caseId }: { view: CollectionCase; caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const items: Array<[string, string]> = [
    [t('collectionCase.summary.status'), t(`collectionCase.status.${view.status}`)],
    [t('collectionCase.summary.office'), view.office],
    [t('collectionCase.summary.openedOn'), f.date(view.openedOn)],
    [t('collectionCase.summary.assessed'), f.money(view.totals.assessedCents)],
    [t('collectionCase.summary.collected'), f.money(view.totals.collectedCents)],
    [t('collectionCase.summary.outstanding'), f.money(view.totals.outstandingCents)],
    [t('collectionCase.summary.disbursed'), f.money(view.totals.disbursedCents)],
  ];
  return (
    <div className="workbench-summary-strip workbench-no-print">
      <dl>
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('collectionCase.summary.caseFile')}</dt>
          <dd>
            <Link to={`/cases/${caseId}`}>{t('collectionCase.caseFile')}</Link>
          </dd>
        </div>
      </dl>
    </div>
  );
}
