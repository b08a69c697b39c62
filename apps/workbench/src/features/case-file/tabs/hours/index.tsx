import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../i18n/format';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import type { RecordSet } from '../../investigation';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab } from '../../tab-parts';
import { UploadHours } from './UploadHours';

const column = createColumnHelper<RecordSet>();

/** Hours and wages: the record sets recorded so far, and the CSV upload. */
function HoursTab({ caseId, investigation, refresh }: CaseFileTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const employers = investigation?.employers ?? [];
  const columns = useMemo(
    () => [
      column.accessor('source', {
        header: t('hours.columns.source'),
        cell: (c) => t(`hours.source.${c.getValue()}` as 'hours.source.employer_payroll'),
      }),
      column.accessor('employerId', {
        header: t('hours.columns.employer'),
        cell: (c) => employers.find((e) => e.employerId === c.getValue())?.name ?? '—',
      }),
      column.accessor('workers', {
        header: () => <span className="workbench-numeric display-block">{t('hours.columns.workers')}</span>,
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
      column.accessor('records', {
        header: () => <span className="workbench-numeric display-block">{t('hours.columns.workweeks')}</span>,
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
    ],
    [t, f, employers],
  );
  if (!investigation) return <NoInvestigationInTab />;
  return (
    <>
      <ClosedNotice investigation={investigation} />
      <ServerTable
        caption={t('hours.caption')}
        columns={columns}
        rows={investigation.recordSets}
        rowKey={(r) => r.recordSetId}
        empty={t('hours.empty')}
      />
      <UploadHours caseId={caseId} investigation={investigation} employers={employers} refresh={refresh} />
    </>
  );
}

export const tab: CaseFileTab = {
  id: 'hours',
  order: 40,
  labelKey: 'caseFile.tabs.hours',
  roles: INVESTIGATION_READERS,
  Component: HoursTab,
};
