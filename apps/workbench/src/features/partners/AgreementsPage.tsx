import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMay } from '../../auth/may';
import { NoAccess } from '../../app/NoAccess';
import { isApiError } from '../../api/problem';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import {
  AGREEMENT_STATUSES,
  useAgreements,
  usePartnerNames,
  type AgreementEntry,
  type AgreementQuery,
} from './partner-api';
import { PartnerFilter } from './PartnerFilter';
import { useUrlFilters } from './url-filters';

const column = createColumnHelper<AgreementEntry>();
const FILTERS = ['status', 'expiringWithinDays', 'partnerId'] as const;

/**
 * Agreements with partners. `expiringWithinDays` (in the URL) lists those in force that end
 * within that many days, soonest first: the renewals to prepare.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const allowed = useMay('GET /api/v1/agreements');
  const mayDraft = useMay('POST /api/v1/agreements');
  const mayDirectory = useMay('GET /api/v1/partners');
  const { values, apply, key } = useUrlFilters(FILTERS);
  const { cursor, pager } = useCursorPages(key);
  const filters = {
    ...values,
    expiringWithinDays:
      values.expiringWithinDays === undefined ? undefined : Number(values.expiringWithinDays),
  } as AgreementQuery;
  const query = useAgreements(filters, cursor, allowed);
  const { nameOf: partnerName, partners } = usePartnerNames(allowed && mayDirectory);
  const fieldErrors = isApiError(query.error) ? query.error.fieldErrors() : {};

  const columns = useMemo(
    () => [
      column.accessor('title', {
        header: t('partners.agreements.columns.title'),
        cell: (c) => <Link to={`/agreements/${c.row.original.id}`}>{c.getValue()}</Link>,
      }),
      column.accessor('type', {
        header: t('partners.agreements.columns.type'),
        cell: (c) => t(`partners.agreementTypes.${c.getValue()}`),
      }),
      column.accessor('partnerIds', {
        header: t('partners.agreements.columns.parties'),
        cell: (c) => c.getValue().map(partnerName).join(' · '),
      }),
      column.accessor('status', {
        header: t('partners.agreements.columns.status'),
        cell: (c) => <span className="usa-tag">{t(`partners.agreementStatus.${c.getValue()}`)}</span>,
      }),
      column.accessor('sharingLevel', {
        header: t('partners.agreements.columns.sharing'),
        cell: (c) => t(`partners.sharingLevels.${c.getValue()}`),
      }),
      column.accessor('expiresOn', {
        header: t('partners.agreements.columns.term'),
        cell: (c) => (
          <span className="text-no-wrap">
            {t('partners.agreements.term', {
              from: f.date(c.row.original.effectiveOn),
              to: f.date(c.getValue()),
            })}
          </span>
        ),
      }),
      column.accessor('clauseVersion', {
        header: t('partners.agreements.columns.clauseVersion'),
        cell: (c) => f.number(c.getValue()),
      }),
    ],
    [t, f, partnerName],
  );

  if (!allowed) return <NoAccess />;
  return (
    <>
      <PageTitle subtitle={t('partners.agreements.subtitle')}>{t('partners.agreements.title')}</PageTitle>
      {mayDraft && (
        <p>
          <Link className="usa-button" to="/agreements/new">
            {t('partners.draft.title')}
          </Link>
        </p>
      )}
      <form className="usa-form maxw-none grid-row grid-gap-2 flex-align-end" onSubmit={apply} key={key}>
        <div className="tablet:grid-col-3">
          <Field label={t('partners.agreements.filters.status')} error={fieldErrors.status}>
            <select className="usa-select" name="status" defaultValue={values.status ?? ''}>
              <option value="">{t('common.any')}</option>
              {AGREEMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`partners.agreementStatus.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-3">
          <Field
            label={t('partners.agreements.filters.expiring')}
            hint={t('partners.agreements.filters.expiringHint')}
            error={fieldErrors.expiringWithinDays}
          >
            <input
              className="usa-input"
              name="expiringWithinDays"
              inputMode="numeric"
              defaultValue={values.expiringWithinDays ?? ''}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <PartnerFilter partners={partners} value={values.partnerId} error={fieldErrors.partnerId} />
        </div>
        <div className="tablet:grid-col-auto">
          <button type="submit" className="usa-button margin-top-2">
            {t('common.applyFilters')}
          </button>
        </div>
      </form>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={
          values.expiringWithinDays
            ? t('partners.agreements.captionExpiring', { days: values.expiringWithinDays })
            : t('partners.agreements.caption')
        }
        orderNote={t(
          values.expiringWithinDays ? 'partners.agreements.orderExpiring' : 'partners.agreements.order',
        )}
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={t('partners.agreements.empty')}
        loading={query.isFetching}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
