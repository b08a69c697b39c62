import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { NoAccess, NotFound } from '../../app/NoAccess';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AccessTable } from './AccessTable';
import { AuditCaseHeader, caseNumberOf } from './AuditCaseHeader';
import { READ_ACCESS, READ_HISTORY, READ_STATE, UUID } from './audit-routes';
import { useCaseHistory, useCaseState, useRecordAccess, type HistoryEntry } from './audit-api';
import { HistoryTable } from './HistoryTable';
import { useLabels } from './labels';

const FILTERS = ['service', 'type', 'actor'] as const;
type Filter = (typeof FILTERS)[number];

const valueOf = (e: HistoryEntry, filter: Filter) =>
  filter === 'service' ? e.sourceService : filter === 'type' ? e.type : e.actor.id;

/** /audit/cases/:caseId/history?service=&type=&actor=: every event of the case and every read of it. */
export function HistoryPage() {
  const { caseId = '' } = useParams();
  const role = useSession()?.actor.role;
  if (!may(role, READ_HISTORY) || !may(role, READ_ACCESS)) return <NoAccess />;
  if (!UUID.test(caseId)) return <NotFound />;
  return <History caseId={caseId} />;
}

function History({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const history = useCaseHistory(caseId);
  const access = useRecordAccess(caseId);
  const role = useSession()?.actor.role;
  const now = useCaseState(caseId, undefined, may(role, READ_STATE));
  const chosen = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>;
  const all = history.data ?? [];
  const options = useMemo(
    () =>
      Object.fromEntries(
        FILTERS.map((f) => [f, [...new Set(all.map((e) => valueOf(e, f)))].sort()]),
      ) as Record<Filter, string[]>,
    [all],
  );
  const shown = all.filter((e) => FILTERS.every((f) => !chosen[f] || valueOf(e, f) === chosen[f]));
  const reads = (access.data ?? []).filter((a) => !chosen.actor || a.actor.id === chosen.actor);
  const label = (f: Filter, v: string) =>
    f === 'service' ? labels.service(v) : f === 'type' ? labels.event(v) : v;
  const choose = (f: Filter, v: string) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (v) q.set(f, v);
        else q.delete(f);
        return q;
      },
      { replace: true },
    );

  // The title names the case once its state is read: shown only then, so that the page does
  // not retitle itself (and move focus to the new title) while the auditor works the controls.
  if (now.isLoading) return <p role="status">{t('audit.loading')}</p>;
  return (
    <>
      <AuditCaseHeader caseId={caseId} caseNumber={caseNumberOf(now.data)} screen="history" />
      <p className="measure-5">{t('audit.history.explain')}</p>
      <form
        className="workbench-table-tools"
        aria-label={t('audit.history.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        {FILTERS.map((f) => (
          <div className="usa-form-group" key={f}>
            <label className="usa-label" htmlFor={`history-${f}`}>
              {t(`audit.history.filters.${f}`)}
            </label>
            <select
              id={`history-${f}`}
              className="usa-select"
              value={chosen[f]}
              onChange={(e) => choose(f, e.target.value)}
            >
              <option value="">{t('audit.history.filters.any')}</option>
              {/* A value in the URL that the case does not have stays selectable (and matches nothing). */}
              {[...new Set([...options[f], ...(chosen[f] ? [chosen[f]] : [])])].map((v) => (
                <option key={v} value={v}>
                  {label(f, v)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </form>
      <ErrorAlert error={history.error} />
      <HistoryTable rows={shown} total={all.length} loading={history.isPending} caseId={caseId} />
      <section aria-labelledby="reads-heading" className="margin-top-5">
        <h2 id="reads-heading">{t('audit.access.heading')}</h2>
        <p className="measure-5">{t('audit.access.explain')}</p>
        <ErrorAlert error={access.error} />
        <AccessTable rows={reads} total={access.data?.length ?? 0} loading={access.isPending} />
      </section>
    </>
  );
}
