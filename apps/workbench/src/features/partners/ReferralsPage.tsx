import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { NoAccess } from '../../app/NoAccess';
import { isApiError } from '../../api/problem';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import {
  REFERRAL_STATUSES,
  usePartnerNames,
  useReferrals,
  type ReferralEntry,
  type ReferralQuery,
} from './partner-api';
import { PartnerFilter } from './PartnerFilter';
import { useUrlFilters } from './url-filters';

const column = createColumnHelper<ReferralEntry>();
const LIAISON_FILTERS = ['status', 'partnerId'] as const;
// A partner filters by status only: the API scopes it to its own organization by itself.
const PARTNER_FILTERS = ['status'] as const;

/**
 * Referrals, oldest first. A partner user sees its own organization's (the API scopes them by
 * the token's org); the liaison and the auditor see every partner's, filtered by partner.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const role = useSession()?.actor.role;
  const isPartner = role === 'partner';
  const allowed = may(role, 'GET /api/v1/referrals');
  const mayDirectory = may(role, 'GET /api/v1/partners');
  const { values, apply, key } = useUrlFilters(isPartner ? PARTNER_FILTERS : LIAISON_FILTERS);
  const { cursor, pager } = useCursorPages(key);
  const query = useReferrals(values as ReferralQuery, cursor, allowed);
  const { nameOf: partnerName, partners } = usePartnerNames(allowed && mayDirectory);
  const fieldErrors = isApiError(query.error) ? query.error.fieldErrors() : {};

  const columns = useMemo(
    () => [
      column.accessor('submittedAt', {
        header: t('portal.referrals.columns.submitted'),
        cell: (c) => (
          <Link to={`/referrals/${c.row.original.id}`}>
            {t('portal.referrals.linkLabel', { date: f.dateTime(c.getValue()) })}
          </Link>
        ),
      }),
      ...(isPartner
        ? []
        : [
            column.accessor('partnerId', {
              header: t('portal.referrals.columns.partner'),
              cell: (c) =>
                mayDirectory ? (
                  <Link to={`/partners/${c.getValue()}`}>{partnerName(c.getValue())}</Link>
                ) : (
                  c.getValue()
                ),
            }),
          ]),
      column.accessor('employerName', { header: t('portal.referrals.columns.employer') }),
      column.accessor('workerCount', {
        header: t('portal.referrals.columns.workers'),
        cell: (c) => f.number(c.getValue()),
      }),
      column.accessor('consent', {
        header: t('portal.referrals.columns.consent'),
        cell: (c) => (
          <ul className="usa-list usa-list--unstyled font-body-2xs text-no-wrap">
            <li>{t('portal.referrals.consentStatus', { count: c.getValue().status })}</li>
            <li>{t('portal.referrals.consentOutcome', { count: c.getValue().outcome })}</li>
            {c.getValue().none > 0 && (
              <li>
                <span className="usa-tag bg-secondary-dark">
                  {t('portal.referrals.consentNone', { count: c.getValue().none })}
                </span>
              </li>
            )}
          </ul>
        ),
      }),
      column.accessor('status', {
        header: t('portal.referrals.columns.status'),
        cell: (c) => (
          <>
            <span className="usa-tag" data-status={c.getValue()}>
              {t(`portal.status.${c.getValue()}`)}
            </span>
            {c.row.original.declineReason && (
              <span className="display-block font-body-3xs">
                {t(`portal.declineReasons.${c.row.original.declineReason}` as 'portal.declineReasons.other', {
                  defaultValue: c.row.original.declineReason,
                })}
              </span>
            )}
            {c.row.original.decidedAt && (
              <span className="display-block font-body-3xs text-base-dark">
                {f.dateTime(c.row.original.decidedAt)}
              </span>
            )}
          </>
        ),
      }),
    ],
    [t, f, isPartner, mayDirectory, partnerName],
  );

  if (!allowed) return <NoAccess />;
  return (
    <>
      <PageTitle subtitle={t(isPartner ? 'portal.referrals.subtitlePartner' : 'portal.referrals.subtitle')}>
        {t('portal.referrals.title')}
      </PageTitle>
      {may(role, 'POST /api/v1/referrals') && (
        <p>
          <Link className="usa-button" to="/referrals/new">
            {t('portal.nav.newReferral')}
          </Link>
        </p>
      )}
      <form className="usa-form maxw-none grid-row grid-gap-2 flex-align-end" onSubmit={apply} key={key}>
        <div className="tablet:grid-col-3">
          <Field label={t('portal.referrals.filters.status')} error={fieldErrors.status}>
            <select className="usa-select" name="status" defaultValue={values.status ?? ''}>
              <option value="">{t('portal.referrals.filters.any')}</option>
              {REFERRAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`portal.status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {!isPartner && (
          <div className="tablet:grid-col-4">
            <PartnerFilter partners={partners} value={values.partnerId} error={fieldErrors.partnerId} />
          </div>
        )}
        <div className="tablet:grid-col-auto">
          <button type="submit" className="usa-button margin-top-2">
            {t('portal.referrals.filters.apply')}
          </button>
        </div>
      </form>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('portal.referrals.caption')}
        orderNote={t('portal.referrals.order')}
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={t('portal.referrals.empty')}
        loading={query.isFetching}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
