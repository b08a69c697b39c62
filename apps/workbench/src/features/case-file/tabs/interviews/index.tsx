import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../i18n/format';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import type { Interview } from '../../investigation';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab } from '../../tab-parts';
import { useCaseWorkers, useWorkerLabel } from '../../workers';
import { languageName } from './language-name';
import { RecordInterview } from './RecordInterview';

const column = createColumnHelper<Interview>();

/** Interviews: when, who by role, language and interpreter; and the record-an-interview form. */
function InterviewsTab({ caseId, investigation, refresh }: CaseFileTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const workers = useCaseWorkers(caseId);
  const workerLabel = useWorkerLabel(workers.data);
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const columns = useMemo(
    () => [
      column.accessor('interviewedOn', {
        header: t('interviews.columns.date'),
        cell: (c) => <span className="text-no-wrap">{f.date(c.getValue())}</span>,
      }),
      column.accessor('role', {
        header: t('interviews.columns.interviewee'),
        cell: (c) => (
          <>
            {t(`interviews.roles.${c.getValue()}` as 'interviews.roles.worker')}
            {c.row.original.workerId && (
              <span className="display-block font-body-3xs text-base-dark">
                {workerLabel(c.row.original.workerId)}
              </span>
            )}
          </>
        ),
      }),
      column.accessor('language', {
        header: t('interviews.columns.language'),
        cell: (c) => `${languageName(c.getValue(), f.locale)} (${c.getValue()})`,
      }),
      column.accessor('interpreterUsed', {
        header: t('interviews.columns.interpreter'),
        cell: (c) => yes(c.getValue()),
      }),
      column.accessor('traumaInformedProtocol', {
        header: t('interviews.columns.traumaInformed'),
        cell: (c) => yes(c.getValue()),
      }),
      column.accessor('confidentialSource', {
        header: t('interviews.columns.confidential'),
        cell: (c) =>
          c.getValue() ? (
            <span className="usa-tag bg-secondary-dark">{t('interviews.confidentialTag')}</span>
          ) : (
            t('common.no')
          ),
      }),
    ],
    [t, f, workerLabel],
  );
  if (!investigation) return <NoInvestigationInTab />;
  return (
    <>
      <ClosedNotice investigation={investigation} />
      <ServerTable
        caption={t('interviews.caption')}
        orderNote={t('interviews.note')}
        columns={columns}
        rows={investigation.interviews}
        rowKey={(r) => r.interviewId}
        empty={t('interviews.empty')}
      />
      <RecordInterview
        caseId={caseId}
        investigation={investigation}
        workers={workers.data ?? []}
        refresh={refresh}
      />
    </>
  );
}

export const tab: CaseFileTab = {
  id: 'interviews',
  order: 20,
  labelKey: 'caseFile.tabs.interviews',
  roles: INVESTIGATION_READERS,
  Component: InterviewsTab,
};
