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
import { PARTNER_TYPES, usePartners, type PartnerEntry, type PartnerQuery } from './partner-api';
import { PointPeopleFlag } from './PointPeopleFlag';
import { useUrlFilters } from './url-filters';

const column = createColumnHelper<PartnerEntry>();
const FILTERS = ['type', 'needsPointPeople', 'active'] as const;

/**
 * The partner directory: each organization with its point people, the ones with fewer than two
 * flagged (the agency keeps two on each side, for continuity). Filters in the URL.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const languageNames = useMemo(
    () => new Intl.DisplayNames([f.locale], { type: 'language', fallback: 'code' }),
    [f.locale],
  );
  const allowed = useMay('GET /api/v1/partners');
  const { values, apply, key } = useUrlFilters(FILTERS);
  const { cursor, pager } = useCursorPages(key);
  const query = usePartners(values as PartnerQuery, cursor, allowed);
  const fieldErrors = isApiError(query.error) ? query.error.fieldErrors() : {};

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('partners.directory.columns.name'),
        cell: (c) => <Link to={`/partners/${c.row.original.id}`}>{c.getValue()}</Link>,
      }),
      column.accessor('type', {
        header: t('partners.directory.columns.type'),
        cell: (c) => t(`partners.types.${c.getValue()}`),
      }),
      column.accessor('contacts', {
        header: t('partners.directory.columns.pointPeople'),
        cell: (c) => (
          <>
            {c.getValue().length > 0 && (
              <ul className="usa-list usa-list--unstyled">
                {c.getValue().map((p) => (
                  <li key={p.contactId}>
                    {p.name}
                    {p.role ? <span className="text-base-dark"> · {p.role}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            <PointPeopleFlag count={c.getValue().length} />
          </>
        ),
      }),
      column.accessor('languages', {
        header: t('partners.directory.columns.languages'),
        cell: (c) =>
          c
            .getValue()
            .map((tag) => languageNames.of(tag) ?? tag)
            .join(', '),
      }),
      column.accessor('region', {
        header: t('partners.directory.columns.region'),
        cell: (c) => `${c.getValue()} · ${c.row.original.office}`,
      }),
      column.accessor('active', {
        header: t('partners.directory.columns.status'),
        cell: (c) => t(c.getValue() ? 'partners.partnerStatus.active' : 'partners.partnerStatus.deactivated'),
      }),
    ],
    [t, languageNames],
  );

  if (!allowed) return <NoAccess />;
  return (
    <>
      <PageTitle subtitle={t('partners.directory.subtitle')}>{t('partners.directory.title')}</PageTitle>
      <form className="usa-form maxw-none grid-row grid-gap-2 flex-align-end" onSubmit={apply} key={key}>
        <div className="tablet:grid-col-3">
          <Field label={t('partners.directory.filters.type')} error={fieldErrors.type}>
            <select className="usa-select" name="type" defaultValue={values.type ?? ''}>
              <option value="">{t('common.any')}</option>
              {PARTNER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`partners.types.${type}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-3">
          <Field label={t('partners.directory.filters.pointPeople')} error={fieldErrors.needsPointPeople}>
            <select
              className="usa-select"
              name="needsPointPeople"
              defaultValue={values.needsPointPeople ?? ''}
            >
              <option value="">{t('common.any')}</option>
              <option value="true">{t('partners.directory.filters.fewerThanTwo')}</option>
              <option value="false">{t('partners.directory.filters.twoOrMore')}</option>
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-3">
          <Field label={t('partners.directory.filters.status')} error={fieldErrors.active}>
            <select className="usa-select" name="active" defaultValue={values.active ?? ''}>
              <option value="">{t('common.any')}</option>
              <option value="true">{t('partners.partnerStatus.active')}</option>
              <option value="false">{t('partners.partnerStatus.deactivated')}</option>
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-auto">
          <button type="submit" className="usa-button margin-top-2">
            {t('common.applyFilters')}
          </button>
        </div>
      </form>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('partners.directory.caption')}
        orderNote={t('partners.directory.order')}
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={t('partners.directory.empty')}
        loading={query.isFetching}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}
