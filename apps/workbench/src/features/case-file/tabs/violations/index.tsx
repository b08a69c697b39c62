import { useMemo } from 'react';
// The helper types each column by its value; the table takes them as one list.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useMay } from '../../../../auth/may';
import { useFormat } from '../../../../i18n/format';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import {
  employerNames,
  partsOf,
  type CivilPenalty,
  type InvestigationParts,
  type Violation,
} from '../../investigation-parts';
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
  const mayFind = useMay('POST /api/v1/cases/{caseId}/investigation/violations');
  const mayAssess = useMay('POST /api/v1/cases/{caseId}/investigation/civil-penalties');
  const changed = useCaseChanged(props);
  const parts = investigation ? partsOf(investigation) : null;

  const violationColumns = useMemo(
    () =>
      [
        violation.accessor('type', {
          header: t('violations.columns.type'),
          cell: (c) => t(`violations.type.${c.getValue()}`),
        }),
        violation.accessor('statute', { header: t('violations.columns.statute') }),
        violation.accessor('employerIds', {
          header: t('violations.columns.employers'),
          cell: (c) => (parts ? employerNames(parts, c.getValue()) : ''),
        }),
        violation.display({
          id: 'period',
          header: t('violations.columns.period'),
          cell: (c) => `${f.date(c.row.original.periodStart)} – ${f.date(c.row.original.periodEnd)}`,
        }),
        violation.accessor('workersAffected', {
          header: () => (
            <span className="workbench-numeric display-block">{t('violations.columns.workers')}</span>
          ),
          cell: (c) => <span className="workbench-numeric display-block">{f.number(c.getValue())}</span>,
        }),
        violation.accessor('willful', {
          header: t('violations.columns.willful'),
          cell: (c) => (c.getValue() ? t('common.yes') : t('common.no')),
        }),
        violation.accessor('basis', { header: t('violations.columns.basis') }),
        violation.accessor('recordedAt', {
          header: t('violations.columns.recorded'),
          cell: (c) => <Recorded at={c.getValue()} by={c.row.original.recordedBy} />,
        }),
      ] as ColumnDef<Violation, unknown>[],
    [t, f, parts?.employers],
  );
  const penaltyColumns = useMemo(
    () =>
      [
        penalty.accessor('employerId', {
          header: t('violations.penalty.employer'),
          cell: (c) => (parts ? employerNames(parts, [c.getValue()]) : ''),
        }),
        penalty.accessor('statute', { header: t('violations.columns.statute') }),
        penalty.accessor('violationIds', {
          header: t('violations.penalty.forViolations'),
          cell: (c) =>
            c
              .getValue()
              .map((id) => parts?.violations.find((v) => v.violationId === id))
              .map((v) => (v ? `${t(`violations.type.${v.type}`)} (${v.statute})` : '—'))
              .join('; ') || '—',
        }),
        penalty.accessor('basis', { header: t('violations.columns.basis') }),
        penalty.accessor('recordedAt', {
          header: t('violations.columns.recorded'),
          cell: (c) => <Recorded at={c.getValue()} by={c.row.original.recordedBy} />,
        }),
        penalty.accessor('amountCents', {
          header: () => (
            <span className="workbench-numeric display-block">{t('violations.penalty.amountColumn')}</span>
          ),
          cell: (c) => <span className="workbench-numeric display-block">{f.money(c.getValue())}</span>,
        }),
      ] as ColumnDef<CivilPenalty, unknown>[],
    [t, f, parts?.employers, parts?.violations],
  );

  if (!parts) return <p role="status">{t('common.loading')}</p>;
  const writable = parts.open && !parts.determination?.approvedBy;
  return (
    <>
      <h2>{t('caseFile.tabs.violations')}</h2>
      <ServerTable
        caption={t('violations.caption')}
        orderNote={t('violations.order')}
        columns={violationColumns}
        rows={parts.violations}
        rowKey={(v) => v.violationId}
        empty={t('violations.none')}
      />
      <div className="margin-top-4">
        <ServerTable
          caption={t('violations.penalty.caption')}
          orderNote={t('violations.order')}
          columns={penaltyColumns}
          rows={parts.civilPenalties}
          rowKey={(p) => p.penaltyId}
          empty={t('violations.penalty.none')}
        />
      </div>
      {parts.open && parts.determination?.approvedBy && (
        <p className="text-base-dark">{t('backWages.frozen')}</p>
      )}
      <Forms
        caseId={caseId}
        parts={parts}
        writable={writable}
        mayFind={mayFind}
        mayAssess={mayAssess}
        changed={changed}
      />
    </>
  );
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

function Forms({
  caseId,
  parts,
  writable,
  mayFind,
  mayAssess,
  changed,
}: {
  caseId: string;
  parts: InvestigationParts;
  writable: boolean;
  mayFind: boolean;
  mayAssess: boolean;
  changed: () => void;
}) {
  if (!writable) return null;
  return (
    <div className="grid-row grid-gap-lg margin-top-4">
      {mayFind && (
        <div className="desktop:grid-col-6">
          <ViolationForm caseId={caseId} parts={parts} onRecorded={changed} onReload={changed} />
        </div>
      )}
      {mayAssess && (
        <div className="desktop:grid-col-6">
          <PenaltyForm caseId={caseId} parts={parts} onAssessed={changed} onReload={changed} />
        </div>
      )}
    </div>
  );
}

export const tab: CaseFileTab = {
  id: 'violations',
  order: 70,
  labelKey: 'caseFile.tabs.violations',
  roles: ['investigator', 'supervisor', 'auditor'],
  Component: ViolationsTab,
};
