import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../../api/client';
import { operationRoles } from '../../../../api/operation-roles';
import type { paths } from '../../../../api/schema';
import type { Role } from '../../../../auth/session';
import { useFormat } from '../../../../i18n/format';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { ServerTable } from '../../../../ui/ServerTable';
import { useCursorPages } from '../../../../ui/use-cursor-pages';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';

type HistoryItem =
  paths['/api/v1/cases/{caseId}/history']['get']['responses']['200']['content']['application/json']['items'][number];
const column = createColumnHelper<HistoryItem>();
const HISTORY = 'GET /api/v1/cases/{caseId}/history';

/**
 * Every service's events of the case in the order they were recorded (the server's global
 * position), with who did it (id and role) and when; paged by the server's cursor.
 */
function Timeline({ caseId }: CaseFileTabProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { cursor, pager } = useCursorPages(caseId);
  const query = useQuery({
    queryKey: ['history', caseId, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/cases/{caseId}/history', {
          params: { path: { caseId }, query: { cursor, limit: 50 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const whenFormat = useMemo(
    () => new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium', timeStyle: 'medium' }),
    [f.locale],
  );
  const columns = useMemo(
    () => [
      column.accessor('occurredAt', {
        header: t('timeline.columns.when'),
        // To the second: a case's events often fall within the same minute.
        cell: (c) => <span className="text-no-wrap">{whenFormat.format(new Date(c.getValue()))}</span>,
      }),
      column.accessor('type', {
        header: t('timeline.columns.event'),
        cell: (c) => {
          const type = c.getValue();
          // Event types without a translation are shown as they are named in the event store.
          const key = `events.${type}`;
          return i18n.exists(key) ? t(key as 'events.CaseOpened') : <code>{type}</code>;
        },
      }),
      column.accessor('sourceService', {
        header: t('timeline.columns.service'),
        cell: (c) =>
          i18n.exists(`services.${c.getValue()}`)
            ? t(`services.${c.getValue()}` as 'services.intake')
            : c.getValue(),
      }),
      column.accessor('actor', {
        header: t('timeline.columns.who'),
        cell: (c) => {
          const { id, role, org } = c.getValue();
          const roleName =
            role === 'system'
              ? t('timeline.system')
              : i18n.exists(`roles.${role}`)
                ? t(`roles.${role}` as 'roles.admin')
                : role;
          return (
            <>
              <span className="display-block workbench-mono workbench-wrap">{id}</span>
              <span className="display-block font-body-3xs text-base-dark workbench-wrap">
                {roleName}
                {org ? ` · ${org}` : ''}
              </span>
            </>
          );
        },
      }),
    ],
    [t, i18n, whenFormat],
  );
  return (
    <>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('timeline.caption')}
        orderNote={t('timeline.order')}
        columns={columns}
        rows={query.isError ? [] : (query.data?.items ?? [])}
        rowKey={(r) => r.eventId}
        empty={t('timeline.empty')}
        loading={query.isPending}
        page={pager(query.data?.nextCursor)}
      />
    </>
  );
}

export const tab: CaseFileTab = {
  id: 'timeline',
  order: 10,
  labelKey: 'caseFile.tabs.timeline',
  // Whoever may read the case's history (the x-roles of GET /cases/{caseId}/history).
  roles: (operationRoles[HISTORY] ?? []) as readonly Role[],
  Component: Timeline,
};
