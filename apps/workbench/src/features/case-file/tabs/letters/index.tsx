import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { operationRoles } from '../../../../api/operation-roles';
import { useFormat } from '../../../../i18n/format';
import { Alert } from '../../../../ui/Alert';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import type { Letter } from '../../investigation';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab, useMayAct } from '../../tab-parts';
import { useCaseWorkers, useWorkerLabel } from '../../workers';
import { IssueLetter } from './IssueLetter';
import { RequestLetter } from './RequestLetter';

const ISSUE = 'POST /api/v1/cases/{caseId}/investigation/immigration-letters';
const column = createColumnHelper<Letter>();

/**
 * Immigration support letters (U and T visa certifications, deferred action): requested for a
 * worker by investigators or supervisors, signed and issued by a supervisor only.
 */
function LettersTab({ caseId, investigation, refresh }: CaseFileTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const workers = useCaseWorkers(caseId);
  const workerLabel = useWorkerLabel(workers.data);
  const mayIssue = useMayAct(ISSUE, investigation);
  const [issuing, setIssuing] = useState<string | null>(null);
  const columns = useMemo(
    () => [
      column.accessor('requestedOn', {
        header: t('letters.columns.requested'),
        cell: (c) => <span className="text-no-wrap">{f.date(c.getValue())}</span>,
      }),
      column.accessor('workerId', {
        header: t('letters.columns.worker'),
        cell: (c) => workerLabel(c.getValue()),
      }),
      column.accessor('program', {
        header: t('letters.columns.program'),
        cell: (c) => t(`letters.programs.${c.getValue()}` as 'letters.programs.other'),
      }),
      column.accessor('issued', {
        header: t('letters.columns.status'),
        cell: (c) =>
          c.getValue() ? (
            <span className="usa-tag bg-success-darker">
              {t('letters.issuedOn', { date: f.date(c.row.original.issuedOn) })}
            </span>
          ) : (
            <span className="usa-tag bg-warning text-ink">{t('letters.awaiting')}</span>
          ),
      }),
      ...(!mayIssue
        ? []
        : [
            column.display({
              id: 'issue',
              header: () => <span className="usa-sr-only">{t('letters.columns.action')}</span>,
              cell: (c) =>
                !c.row.original.issued ? (
                  <button
                    type="button"
                    className="usa-button usa-button--outline usa-button--small"
                    onClick={() => setIssuing(c.row.original.letterId)}
                  >
                    {t('letters.issue.open')}
                  </button>
                ) : null,
            }),
          ]),
    ],
    [t, f, workerLabel, mayIssue],
  );
  if (!investigation) return <NoInvestigationInTab />;
  const letter = investigation.letters.find((l) => l.letterId === issuing && !l.issued);
  const supervisorOnly =
    investigation.letters.some((l) => !l.issued) && !mayIssue && investigation.status === 'open';
  return (
    <>
      <ClosedNotice investigation={investigation} />
      <ServerTable
        caption={t('letters.caption')}
        orderNote={t('letters.note')}
        columns={columns}
        rows={investigation.letters}
        rowKey={(r) => r.letterId}
        empty={t('letters.empty')}
      />
      {supervisorOnly && <SupervisorOnly />}
      {letter && (
        <IssueLetter
          key={letter.letterId}
          caseId={caseId}
          investigation={investigation}
          letter={letter}
          workerLabel={workerLabel(letter.workerId)}
          evidence={investigation.evidence}
          refresh={refresh}
          close={() => setIssuing(null)}
        />
      )}
      <RequestLetter
        caseId={caseId}
        investigation={investigation}
        workers={workers.data ?? []}
        refresh={refresh}
      />
    </>
  );
}

function SupervisorOnly() {
  const { t } = useTranslation();
  const f = useFormat();
  const roles = new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(
    (operationRoles[ISSUE] ?? []).map((r) => t(`roles.${r}` as 'roles.admin')),
  );
  return (
    <Alert kind="info" slim>
      {t('letters.issue.whoMay', { roles })}
    </Alert>
  );
}

export const tab: CaseFileTab = {
  id: 'letters',
  order: 90,
  labelKey: 'caseFile.tabs.letters',
  roles: INVESTIGATION_READERS,
  Component: LettersTab,
};
