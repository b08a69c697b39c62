import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { FoiaClock } from './FoiaClock';
import { FoiaLifecycle } from './lifecycle/FoiaLifecycle';
import { useFoiaRequest, type FoiaRequestView } from './foia-api';
import { PackageReview } from './PackageReview';
import { ReleasedPackage } from './ReleasedPackage';
import { RequestedRecordList } from './RecordsFieldset';

/**
 * One public-records request: what was asked and by whom, then either the review (compile as of a
 * cut-off, review each redaction, release fields with a justification, release the package in
 * installments or at once) or, once released, the released package as the file shows it, with its
 * downloads (both while an appeal's decision has the request processed again); and the request's life (acknowledgment, clarification, fee, responses, appeal).
 */
export function FoiaRequestPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { requestId = '' } = useParams();
  const query = useFoiaRequest(requestId);
  const view = query.data;
  return (
    <>
      <p className="margin-top-0">
        <Link to="/foia">{t('foia.request.back')}</Link>
      </p>
      <PageTitle
        subtitle={
          view
            ? t('foia.request.subtitle', {
                date: f.dateTime(view.request.receivedAt),
                status: t(`foia.status.${view.status}`),
              })
            : undefined
        }
      >
        {t('foia.request.title')}
      </PageTitle>
      <ErrorAlert error={query.error} onReload={() => void query.refetch()} />
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {view && (
        <>
          <RequestFacts view={view} />
          <FoiaClock requestId={requestId} view={view} />
          <FoiaLifecycle requestId={requestId} view={view} />
          {/* The final release stays on the page through an appeal of it, and while the request is
              processed again after one, until a new final release replaces it. */}
          {view.release && <ReleasedPackage requestId={requestId} release={view.release} />}
          {(view.status === 'received' || view.status === 'reprocessing') && (
            <PackageReview requestId={requestId} view={view} />
          )}
        </>
      )}
    </>
  );
}

function RequestFacts({ view }: { view: FoiaRequestView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { request } = view;
  const last = view.compilations.at(-1);
  return (
    <section aria-labelledby="request-heading">
      <h2 id="request-heading">{t('foia.request.what')}</h2>
      <dl className="workbench-facts">
        <dt>{t('foia.request.requester')}</dt>
        <dd>
          {request.requester.name}
          {request.requester.organization && <>, {request.requester.organization}</>}
          {request.requester.email && <span className="display-block">{request.requester.email}</span>}
        </dd>
        <dt>{t('foia.request.description')}</dt>
        <dd className="workbench-prewrap">{request.description}</dd>
        <dt>{t('foia.request.cases')}</dt>
        <dd>
          <ul className="usa-list usa-list--unstyled">
            {request.caseIds.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </dd>
        {request.records && request.records.length > 0 && (
          <>
            <dt>{t('foia.request.records')}</dt>
            <dd>
              <RequestedRecordList records={request.records} />
            </dd>
          </>
        )}
        <dt>{t('foia.request.jurisdiction')}</dt>
        <dd>{t(`foia.new.jurisdictions.${request.jurisdiction}` as 'foia.new.jurisdictions.federal')}</dd>
        <dt>{t('foia.request.compiled')}</dt>
        <dd>
          {last
            ? t('foia.request.compilations', {
                count: view.compilations.length,
                cutoff: f.dateTime(last.cutoff),
              })
            : t('foia.request.notCompiled')}
        </dd>
      </dl>
      {view.overrides.length > 0 && (
        <>
          <h3>{t('foia.review.overrides', { count: view.overrides.length })}</h3>
          <ul className="usa-list" data-testid="overrides">
            {view.overrides.map((o) => (
              <li key={`${o.eventId}|${o.path}`}>
                {t('foia.review.overrideEntry', {
                  path: o.path,
                  eventId: o.eventId.slice(0, 8),
                  justification: o.justification,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
