import { useMemo, type ReactNode } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../i18n/format';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import { employerNames, takesFindings, type CivilPenalty, type Violation } from '../../investigation-parts';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab, useMayAct } from '../../tab-parts';
import { useCaseChanged } from '../../use-case-changed';
import { PenaltyForm } from './PenaltyForm';
import { ViolationForm } from './ViolationForm';

const violation = createColumnHelper<Violation>();
const penalty = createColumnHelper<CivilPenalty>();

/** The violations found and the civil penalties assessed, and the forms to record more. */
export function ViolationsTab(props: CaseFileTabProps) {
  const { caseId, investigation } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const mayFind = useMayAct('POST /api/v1/cases/{caseId}/investigation/violations', investigation);
  const mayAssess = useMayAct('POST /api/v1/cases/{caseId}/investigation/civil-penalties', investigation);
  const changed = useCaseChanged(props);
  const view = investigation;

  const violationColumns = useMemo(
    () => [
      violation.accessor('type', {
        header: t('violations.columns.type'),
        cell: (c) => (
          <>
            {t(`violations.type.${c.getValue()}`)}
            {c.row.original.willful && (
              <span className="usa-tag display-table margin-y-05">{t('violations.columns.willful')}</span>
            )}
            <span className="display-block text-base-dark">{c.row.original.statute}</span>
          </>
        ),
      }),
      violation.accessor('employerIds', {
        header: t('violations.columns.employers'),
        cell: (c) => <Wrap>{view ? employerNames(view, c.getValue()) : ''}</Wrap>,
      }),
      violation.display({
        id: 'period',
        header: t('violations.columns.period'),
        cell: (c) => (
          <>
            {f.date(c.row.original.periodStart)} –
            <span className="display-block">{f.date(c.row.original.periodEnd)}</span>
          </>
        ),
      }),
      violation.accessor('workersAffected', {
        header: () => (
          <span className="workbench-numeric display-block">{t('violations.columns.workers')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
      }),
      violation.accessor('basis', {
        header: t('violations.columns.basis'),
        cell: (c) => <Wrap>{c.getValue()}</Wrap>,
      }),
      violation.accessor('recordedAt', {
        header: t('violations.columns.recorded'),
        cell: (c) => <Recorded at={c.getValue()} by={c.row.original.recordedBy} />,
      }),
    ],
    [t, f, view?.employers],
  );
  const penaltyColumns = useMemo(
    () => [
      penalty.accessor('employerId', {
        header: t('violations.penalty.employer'),
        cell: (c) => (
          <>
            <Wrap>{view ? employerNames(view, [c.getValue()]) : ''}</Wrap>
            <span className="display-block text-base-dark">{c.row.original.statute}</span>
          </>
        ),
      }),
      penalty.accessor('violationIds', {
        header: t('violations.penalty.forViolations'),
        cell: (c) => (
          <Wrap>
            {c
              .getValue()
              .map((id) => view?.violations.find((v) => v.violationId === id))
              .map((v) => (v ? `${t(`violations.type.${v.type}`)} (${v.statute})` : '—'))
              .join('; ') || '—'}
          </Wrap>
        ),
      }),
      penalty.accessor('basis', {
        header: t('violations.columns.basis'),
        cell: (c) => <Wrap>{c.getValue()}</Wrap>,
      }),
      penalty.accessor('amountCents', {
        header: () => (
          <span className="workbench-numeric display-block">{t('violations.penalty.amountColumn')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.money(c.getValue())}</span>,
      }),
      penalty.accessor('recordedAt', {
        header: t('violations.columns.recorded'),
        cell: (c) => <Recorded at={c.getValue()} by={c.row.original.recordedBy} />,
      }),
    ],
    [t, f, view?.employers, view?.violations],
  );

  if (!view) return <NoInvestigationInTab />;
  const writable = takesFindings(view);
  return (
    <>
      <ClosedNotice investigation={view} />
      <ServerTable
        caption={t('violations.caption')}
        orderNote={t('violations.order')}
        columns={violationColumns}
        rows={view.violations}
        rowKey={(v) => v.violationId}
        empty={t('violations.none')}
      />
      <div className="margin-top-4">
        <ServerTable
          caption={t('violations.penalty.caption')}
          orderNote={t('violations.order')}
          columns={penaltyColumns}
          rows={view.civilPenalties}
          rowKey={(p) => p.penaltyId}
          empty={t('violations.penalty.none')}
        />
      </div>
      {view.status === 'open' && view.determination?.approvedBy && (
        <p className="text-base-dark">{t('backWages.frozen')}</p>
      )}
      {writable && mayFind && (
        <div className="margin-top-4">
          <ViolationForm caseId={caseId} view={view} onRecorded={changed} onReload={changed} />
        </div>
      )}
      {writable && mayAssess && (
        <div className="margin-top-4">
          <PenaltyForm caseId={caseId} view={view} onAssessed={changed} onReload={changed} />
        </div>
      )}
    </>
  );
}

/** Long text in a table cell: it wraps (the scrollable table keeps cells on one line). */
function Wrap({ children }: { children: ReactNode }) {
  return <span className="workbench-wrap">{children}</span>;
}

/** When it was recorded, and by whom. */
function Recorded({ at, by }: { at: string | null | undefined; by: string | null | undefined }) {
  const f = useFormat();
  return (
    <>
      {f.dateTime(at)}
      {by && <span className="display-block font-body-3xs text-base-dark">{by}</span>}
    </>
  );
}

export const tab: CaseFileTab = {
  id: 'violations',
  order: 70,
  labelKey: 'caseFile.tabs.violations',
  roles: INVESTIGATION_READERS,
  Component: ViolationsTab,
};
