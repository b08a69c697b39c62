import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../../../i18n/format';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import { shortId, takesFindings, type Computation } from '../../investigation-parts';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab, useMayAct } from '../../tab-parts';
import { useCaseChanged } from '../../use-case-changed';
import { ComputeForm } from './ComputeForm';
import { useRuleSets } from './rule-sets';
import { TraceViewer } from './TraceViewer';

const column = createColumnHelper<Computation>();

/**
 * Back wages: run a computation, the computations recorded (the case's totals of each), and the
 * trace of the one chosen (?computation=, so a trace can be bookmarked), worker by worker.
 */
export function BackWagesTab(props: CaseFileTabProps) {
  const { caseId, investigation } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const mayCompute = useMayAct(
    'POST /api/v1/cases/{caseId}/investigation/back-wage-computations',
    investigation,
  );
  const ruleSets = useRuleSets(!!investigation);
  const changed = useCaseChanged(props);
  const [computing, setComputing] = useState(false);
  const view = investigation;
  const selected = params.get('computation') ?? view?.latestComputationId ?? null;
  const proposedId = view?.determination?.proposal.computationId;

  const columns = useMemo(
    () => [
      column.accessor('recordedAt', {
        header: t('backWages.columns.computed'),
        cell: (c) => (
          <>
            {f.dateTime(c.getValue())}
            {c.row.original.recordedBy && (
              <span className="display-block font-body-3xs text-base-dark">{c.row.original.recordedBy}</span>
            )}
          </>
        ),
      }),
      column.accessor('ruleSets', {
        header: t('backWages.columns.ruleSets'),
        cell: (c) =>
          c.getValue().map((r) => (
            <span key={r.id} className="display-block text-no-wrap">
              {r.id} <span className="text-base-dark">{r.version}</span>
            </span>
          )),
      }),
      column.accessor('filingDate', {
        header: t('backWages.columns.filingDate'),
        cell: (c) => (
          <>
            {f.date(c.getValue())}
            {c.row.original.willful && (
              <span className="usa-tag margin-left-1">{t('backWages.willful')}</span>
            )}
          </>
        ),
      }),
      column.accessor((c) => c.totals.unpaidWagesCents, {
        id: 'unpaid',
        header: () => (
          <span className="workbench-numeric display-block">{t('backWages.amounts.unpaidWages')}</span>
        ),
        cell: (c) => <span className="workbench-numeric display-block">{f.money(c.getValue())}</span>,
      }),
      column.accessor((c) => c.totals.totalCents, {
        id: 'total',
        header: () => <span className="workbench-numeric display-block">{t('backWages.amounts.total')}</span>,
        cell: (c) => (
          <span className="workbench-numeric display-block text-bold">{f.money(c.getValue())}</span>
        ),
      }),
      column.display({
        id: 'trace',
        header: t('backWages.columns.trace'),
        cell: (c) => {
          const id = c.row.original.computationId;
          return (
            <span className="workbench-wrap workbench-wrap--free">
              {id === selected ? (
                <span className="text-bold" aria-current="true">
                  {t('backWages.shown')}
                </span>
              ) : (
                <Link to={`?computation=${id}`} aria-label={t('backWages.showTraceOf', { id: shortId(id) })}>
                  {t('backWages.showTrace')}
                </Link>
              )}
              {id === view?.latestComputationId && (
                <span className="usa-tag bg-primary display-table margin-top-05">
                  {t('backWages.latest')}
                </span>
              )}
              {id === proposedId && (
                <span className="usa-tag bg-accent-cool-darker display-table margin-top-05">
                  {t('backWages.inDetermination')}
                </span>
              )}
            </span>
          );
        },
      }),
    ],
    [t, f, selected, view?.latestComputationId, proposedId],
  );

  if (!view) return <NoInvestigationInTab />;
  return (
    <>
      <ClosedNotice investigation={view} />
      {view.status === 'open' && view.determination?.approvedBy && (
        <p className="text-base-dark">{t('backWages.frozen')}</p>
      )}
      <ServerTable
        caption={t('backWages.computations')}
        orderNote={t('backWages.order')}
        columns={columns}
        rows={view.computations}
        rowKey={(c) => c.computationId}
        empty={t('backWages.none')}
      />
      {mayCompute &&
        takesFindings(view) &&
        (computing || view.computations.length === 0 ? (
          <ComputeForm
            key={view.recordSets.length}
            caseId={caseId}
            view={view}
            ruleSets={ruleSets.data}
            onReload={changed}
            onCancel={view.computations.length > 0 ? () => setComputing(false) : undefined}
            onComputed={(id) => {
              changed();
              setComputing(false);
              setParams({ computation: id });
            }}
          />
        ) : (
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-2"
            onClick={() => setComputing(true)}
          >
            {t('backWages.computeAgain')}
          </button>
        ))}
      {selected && (
        <TraceViewer key={selected} caseId={caseId} computationId={selected} ruleSets={ruleSets.data} />
      )}
    </>
  );
}

export const tab: CaseFileTab = {
  id: 'back-wages',
  order: 50,
  labelKey: 'caseFile.tabs.backWages',
  roles: INVESTIGATION_READERS,
  Component: BackWagesTab,
};
