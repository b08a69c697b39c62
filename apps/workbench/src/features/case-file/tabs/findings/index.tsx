import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../../../api/client';
import type { paths } from '../../../../api/schema';
import { useFormat } from '../../../../i18n/format';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import { INVESTIGATION_READERS, NoInvestigationInTab } from '../../tab-parts';

type Finding =
  paths['/api/v1/cases/{caseId}/investigation/findings']['get']['responses']['200']['content']['application/json']['items'][number];
const column = createColumnHelper<Finding>();

const KINDS = ['violation', 'back_wages', 'civil_penalty', 'retaliation_concern', 'determination'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** Where each kind of finding is worked on in the case file. */
const TAB_OF: Partial<Record<Kind, string>> = {
  violation: 'violations',
  civil_penalty: 'violations',
  back_wages: 'back-wages',
  determination: 'determination',
};

/** Everything found in the case, in the order recorded: what it is, under which statute, how much. */
export function FindingsTab({ caseId, investigation }: CaseFileTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({
    queryKey: ['findings', caseId],
    queryFn: async () =>
      ok(await api.GET('/api/v1/cases/{caseId}/investigation/findings', { params: { path: { caseId } } }))
        .items,
  });

  const columns = useMemo(() => {
    const what = (row: Finding): string => {
      switch (row.kind) {
        case 'violation':
          return t(`violations.type.${row.label as 'other'}`, { defaultValue: row.label });
        case 'determination':
          return t(`determination.step.${row.label as 'proposed'}`, { defaultValue: row.label });
        case 'retaliation_concern':
          return t(`retaliation.kinds.${row.label as 'other'}`, { defaultValue: row.label });
        case 'civil_penalty':
          return t('findings.kind.civil_penalty');
        default:
          return row.label.replace(/@/g, ' ').replace(/ \+ /g, ', '); // a computation's rule sets: US-FLSA@2009-07-24
      }
    };
    return [
      column.accessor('recordedAt', {
        header: t('findings.columns.recorded'),
        cell: (c) => f.dateTime(c.getValue()),
      }),
      column.accessor('kind', {
        header: t('findings.columns.kind'),
        cell: (c) => {
          const kind = c.getValue();
          const label = isKind(kind) ? t(`findings.kind.${kind}`) : kind;
          const tabId = isKind(kind) ? TAB_OF[kind] : undefined;
          if (!tabId) return label;
          const query = kind === 'back_wages' ? `?computation=${c.row.original.findingId}` : '';
          return <Link to={`/cases/${caseId}/${tabId}${query}`}>{label}</Link>;
        },
      }),
      column.display({
        id: 'what',
        header: t('findings.columns.what'),
        cell: (c) => <span className="workbench-wrap">{what(c.row.original)}</span>,
      }),
      column.accessor('statute', { header: t('findings.columns.statute'), cell: (c) => c.getValue() ?? '—' }),
      column.accessor('amountCents', {
        header: () => <span className="workbench-numeric display-block">{t('findings.columns.amount')}</span>,
        cell: (c) => <span className="workbench-numeric display-block">{f.money(c.getValue())}</span>,
      }),
    ];
  }, [t, f, caseId]);

  if (!investigation) return <NoInvestigationInTab />;
  return (
    <>
      <p className="text-base-dark margin-top-0">{t('findings.intro')}</p>
      <ErrorAlert error={query.error} />
      <ServerTable
        caption={t('findings.caption')}
        orderNote={t('findings.order')}
        columns={columns}
        rows={query.data ?? []}
        rowKey={(r) => `${r.kind}-${r.findingId}`}
        empty={t('findings.none')}
        loading={query.isPending}
      />
    </>
  );
}

export const tab: CaseFileTab = {
  id: 'findings',
  order: 60,
  labelKey: 'caseFile.tabs.findings',
  roles: INVESTIGATION_READERS,
  Component: FindingsTab,
};
