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
import { SharedFields } from './DisclosureList';
import { useDisclosures, usePartnerNames, type Disclosure, type DisclosureQuery } from './partner-api';
import { PartnerFilter } from './PartnerFilter';
import { useUrlFilters } from './url-filters';

const column = createColumnHelper<Disclosure>();
const STAFF_FILTERS = ['referralId', 'partnerId', 'kind'] as const;
// A partner user asks for what was sent to it: naming another organization or the withholdings is refused.
const PARTNER_FILTERS = ['referralId'] as const;

/**
 * The disclosure ledger: what went to which partner, about which referral, under which agreement
 * clause version and which consent versions; for agency staff, also each milestone kept back and
 * why. A partner user sees what was sent to its organization, nothing else.
 */
export function DisclosuresPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const role = useSession()?.actor.role;
  const staff = role !== 'partner';
  const allowed = may(role, 'GET /api/v1/disclosures');
  const mayDirectory = may(role, 'GET /api/v1/partners');
  const mayAgreement = may(role, 'GET /api/v1/agreements/{id}');
  const { values, apply, key } = useUrlFilters(staff ? STAFF_FILTERS : PARTNER_FILTERS);
  const { cursor, pager } = useCursorPages(key);
  const query = useDisclosures(values as DisclosureQuery, cursor, allowed);
  const { nameOf, partners } = usePartnerNames(allowed && mayDirectory);
  const fieldErrors = isApiError(query.error) ? query.error.fieldErrors() : {};

  const columns = useMemo(
    () => [
      column.accessor('at', {
        header: t('partners.ledger.columns.at'),
        cell: (c) => (
          <>
            <strong>
              {t(`portal.milestones.${c.row.original.milestone as 'case_opened'}`, {
                defaultValue: c.row.original.milestone,
              })}
            </strong>
            <span className="display-block text-no-wrap font-body-2xs">{f.dateTime(c.getValue())}</span>
          </>
        ),
      }),
      column.accessor('referralId', {
        header: t('partners.ledger.columns.referral'),
        cell: (c) => (
          <Link to={`/referrals/${c.getValue()}`}>
            {t('partners.ledger.referral', { id: c.getValue()?.slice(0, 8) })}
          </Link>
        ),
      }),
      ...(staff
        ? [
            column.accessor('partnerId', {
              header: t('partners.ledger.columns.partner'),
              cell: (c) => (c.getValue() ? nameOf(c.getValue()!) : ''),
            }),
          ]
        : []),
      column.accessor('fields', {
        header: t('partners.ledger.columns.what'),
        cell: (c) =>
          c.row.original.kind === 'withheld' ? (
            <>
              <span className="usa-tag bg-secondary-dark">{t('partners.ledger.withheld')}</span>{' '}
              {t(`partners.withholdingReasons.${c.row.original.reason as 'consent_revoked'}`, {
                defaultValue: c.row.original.reason ?? '',
              })}
            </>
          ) : (
            <SharedFields fields={c.getValue()} />
          ),
      }),
      column.accessor('clauseVersion', {
        header: t('partners.ledger.columns.under'),
        cell: (c) => {
          const { agreementId, sharingLevel } = c.row.original;
          if (!agreementId) return t('partners.ledger.noAgreement');
          const label = t('partners.ledger.clause', { version: c.getValue() ?? '—' });
          return (
            <>
              {mayAgreement ? <Link to={`/agreements/${agreementId}`}>{label}</Link> : label}
              {sharingLevel && (
                <span className="display-block font-body-3xs">
                  {t(`partners.sharingLevels.${sharingLevel as 'status'}`)}
                </span>
              )}
            </>
          );
        },
      }),
      ...(staff
        ? [
            column.accessor('consents', {
              header: t('partners.ledger.columns.consent'),
              cell: (c) => (
                <ul className="usa-list usa-list--unstyled font-body-2xs">
                  {(c.getValue() ?? []).map((w, i) => (
                    <li key={`${w.workerId}:${w.version}`}>
                      {t('partners.ledger.consent', {
                        n: i + 1,
                        version: w.version,
                        scopes: w.scopes.length
                          ? w.scopes.map((s) => t(`portal.consentScopes.${s}`)).join(', ')
                          : t('portal.consent.revoked'),
                      })}
                    </li>
                  ))}
                </ul>
              ),
            }),
          ]
        : []),
    ],
    [t, f, staff, nameOf, mayAgreement],
  );

  if (!allowed) return <NoAccess />;
  return (
    <>
      <PageTitle subtitle={t(staff ? 'partners.ledger.subtitle' : 'partners.ledger.subtitlePartner')}>
        {t('partners.ledger.title')}
      </PageTitle>
      <form className="usa-form maxw-none grid-row grid-gap-2 flex-align-end" onSubmit={apply} key={key}>
        <div className="tablet:grid-col-4">
          <Field
            label={t('partners.ledger.filters.referral')}
            hint={t('partners.ledger.filters.referralHint')}
            error={fieldErrors.referralId}
          >
            <input
              className="usa-input"
              name="referralId"
              defaultValue={values.referralId ?? ''}
              autoComplete="off"
            />
          </Field>
        </div>
        {staff && (
          <>
            <div className="tablet:grid-col-3">
              <PartnerFilter partners={partners} value={values.partnerId} error={fieldErrors.partnerId} />
            </div>
            <div className="tablet:grid-col-2">
              <Field label={t('partners.ledger.filters.kind')} error={fieldErrors.kind}>
                <select className="usa-select" name="kind" defaultValue={values.kind ?? ''}>
                  <option value="">{t('common.any')}</option>
                  <option value="shared">{t('partners.ledger.shared')}</option>
                  <option value="withheld">{t('partners.ledger.withheld')}</option>
                </select>
              </Field>
            </div>
          </>
        )}
        <div className="tablet:grid-col-auto">
          <button type="submit" className="usa-button margin-top-2">
            {t('common.applyFilters')}
          </button>
        </div>
      </form>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('partners.ledger.caption')}
        orderNote={t('partners.ledger.order')}
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={t('partners.ledger.empty')}
        loading={query.isFetching}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
