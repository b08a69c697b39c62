import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { may } from '../../../../auth/may';
import type { Actor } from '../../../../auth/session';
import { useFormat } from '../../../../i18n/format';
import { Alert } from '../../../../ui/Alert';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import {
  determinationStatus,
  employerNames,
  errorFor,
  type Determination,
  type ProposeBody,
} from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { Check, ClosedNotice } from '../../tab-parts';

const STEPS = ['proposed', 'approved', 'issued'] as const;

/** What a determination awards: the computation's back wages and damages, and the penalties in it. */
function amountsOf(
  view: InvestigationView,
  computationId: string | undefined,
  penaltyIds: readonly string[],
) {
  const computation = view.computations.find((c) => c.computationId === computationId);
  const penalties = view.civilPenalties
    .filter((p) => penaltyIds.includes(p.penaltyId))
    .reduce((sum, p) => sum + p.amountCents, 0);
  const unpaid = computation?.totals.unpaidWagesCents ?? 0;
  const damages = computation?.totals.liquidatedDamagesCents ?? 0;
  return { computation, unpaid, damages, penalties, total: unpaid + damages + penalties };
}

/**
 * The determination: its status and who did what when, what it awards, and the one next step the
 * signed-in person may take: propose (the assigned investigator), approve (a supervisor who did
 * not propose it: the screen says so before anyone tries), issue.
 */
export function DeterminationPanel({
  caseId,
  view,
  actor,
  onChanged,
}: {
  caseId: string;
  view: InvestigationView;
  actor: Actor;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const determination = view.determination;
  const status = determinationStatus(determination);
  return (
    <>
      <ClosedNotice investigation={view} />
      <StepIndicator status={status} />
      {view.status === 'open' && selfApproval(view, actor) && (
        <Alert kind="warning" heading={t('determination.approve.selfHeading')} headingLevel="h3">
          {t('determination.approve.selfBody')}
        </Alert>
      )}
      {determination ? (
        <Proposal view={view} determination={determination} />
      ) : (
        <p>{t('determination.noneYet')}</p>
      )}
      {view.status === 'open' && <NextStep caseId={caseId} view={view} actor={actor} onChanged={onChanged} />}
    </>
  );
}

function StepIndicator({ status }: { status: ReturnType<typeof determinationStatus> }) {
  const { t } = useTranslation();
  const reached = status === 'none' ? 0 : STEPS.indexOf(status) + 1;
  return (
    <div
      className="usa-step-indicator usa-step-indicator--counters-sm margin-bottom-3"
      aria-label={t('determination.progress')}
    >
      <ol className="usa-step-indicator__segments">
        {STEPS.map((step, i) => {
          const state = i < reached ? 'complete' : i === reached ? 'current' : null;
          return (
            <li
              key={step}
              className={`usa-step-indicator__segment${state ? ` usa-step-indicator__segment--${state}` : ''}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="usa-step-indicator__segment-label">
                {t(`determination.step.${step}`)}
                <span className="usa-sr-only">
                  {' '}
                  {state === 'complete'
                    ? t('determination.stepDone')
                    : state === 'current'
                      ? t('determination.stepNext')
                      : t('determination.stepLater')}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="usa-step-indicator__header">
        <h3 className="usa-step-indicator__heading">
          <span className="usa-step-indicator__heading-text">{t(`determination.status.${status}`)}</span>
        </h3>
      </div>
    </div>
  );
}

/** Who did what when, and what the proposal awards. */
function Proposal({ view, determination }: { view: InvestigationView; determination: Determination }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { proposal } = determination;
  const a = amountsOf(view, proposal.computationId, proposal.penaltyIds);
  const steps = [
    { step: 'proposed' as const, done: true, by: proposal.proposedBy, at: determination.proposedAt },
    {
      step: 'approved' as const,
      done: !!determination.approvedBy,
      by: determination.approvedBy,
      at: determination.approvedAt,
    },
    {
      step: 'issued' as const,
      done: !!determination.issuedAt,
      by: determination.issuedBy,
      at: determination.issuedAt,
    },
  ];
  return (
    <>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption>{t('determination.whoWhen')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('determination.columns.step')}</th>
            <th scope="col">{t('determination.columns.by')}</th>
            <th scope="col">{t('determination.columns.at')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.step}>
              <th scope="row">{t(`determination.step.${s.step}`)}</th>
              <td>{s.done ? (s.by ?? '—') : t('determination.notYet')}</td>
              <td>{s.done ? f.dateTime(s.at) : t('determination.notYet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('determination.awards')}</h3>
      <dl className="workbench-summary-strip">
        <div>
          <dt>{t('backWages.amounts.unpaidWages')}</dt>
          <dd>{f.money(a.unpaid)}</dd>
        </div>
        <div>
          <dt>{t('backWages.amounts.liquidatedDamages')}</dt>
          <dd>{f.money(a.damages)}</dd>
        </div>
        <div>
          <dt>{t('determination.penalties')}</dt>
          <dd>{f.money(a.penalties)}</dd>
        </div>
        <div>
          <dt>{t('determination.total')}</dt>
          <dd>{f.money(a.total)}</dd>
        </div>
      </dl>
      <ul className="usa-list">
        <li>
          {t('determination.computation', {
            ruleSets: a.computation?.ruleSets.map((r) => `${r.id} ${r.version}`).join(', ') ?? '—',
            at: f.dateTime(a.computation?.recordedAt),
          })}
        </li>
        <li>{t('determination.employers', { names: employerNames(view, proposal.employerIds) })}</li>
        <li>
          {t('determination.violations', {
            list:
              proposal.violationIds
                .map((id) => view.violations.find((v) => v.violationId === id))
                .map((v) => (v ? `${t(`violations.type.${v.type}`)} (${v.statute})` : '—'))
                .join('; ') || t('common.none'),
          })}
        </li>
      </ul>
      <h3>{t('determination.summary')}</h3>
      <p className="measure-6" style={{ whiteSpace: 'pre-wrap' }}>
        {proposal.summary}
      </p>
    </>
  );
}

/**
 * A supervisor looking at a determination they proposed themself (a supervisor acting as the
 * case's investigator): the API refuses them its approval, so the screen says so first.
 */
function selfApproval(view: InvestigationView, actor: Actor): boolean {
  return (
    determinationStatus(view.determination) === 'proposed' &&
    may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/approval') &&
    view.determination?.proposal.proposedBy === actor.id
  );
}

/** The step the signed-in person may take now, or why they may not. */
function NextStep({
  caseId,
  view,
  actor,
  onChanged,
}: {
  caseId: string;
  view: InvestigationView;
  actor: Actor;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const status = determinationStatus(view.determination);
  const mayPropose = may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/proposal');
  const mayApprove = may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/approval');
  const mayIssue = may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/issue');

  if ((status === 'none' || status === 'proposed') && mayPropose) {
    if (view.investigatorId !== actor.id)
      return (
        <Alert kind="info">
          {t('determination.propose.notAssigned', {
            investigator: view.investigatorId ?? t('investigations.unassigned'),
          })}
        </Alert>
      );
    if (view.computations.length === 0)
      return <Alert kind="info">{t('determination.propose.noComputation')}</Alert>;
    if (view.employers.length === 0)
      return <Alert kind="info">{t('determination.propose.noEmployer')}</Alert>;
    return <ProposeForm caseId={caseId} view={view} onDone={onChanged} />;
  }
  if (status === 'proposed' && mayApprove) {
    if (selfApproval(view, actor)) return null; // said at the top, before anything else
    return <ApproveForm caseId={caseId} view={view} onDone={onChanged} />;
  }
  if (status === 'approved' && mayIssue) return <IssueForm caseId={caseId} view={view} onDone={onChanged} />;
  if (status === 'proposed') return <p className="text-base-dark">{t('determination.awaitingApproval')}</p>;
  return null;
}

const header = (view: InvestigationView) => ({
  'Idempotency-Key': idempotencyKey(),
  'If-Match': ifMatch(view.version),
});

function ProposeForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: InvestigationView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const f = useFormat();
  const pending = view.determination?.proposal;
  const [computationId, setComputationId] = useState(view.latestComputationId ?? '');
  const [violationIds, setViolationIds] = useState(view.violations.map((v) => v.violationId));
  const [penaltyIds, setPenaltyIds] = useState(view.civilPenalties.map((p) => p.penaltyId));
  const [employerIds, setEmployerIds] = useState(view.employers.map((e) => e.employerId));
  const [summary, setSummary] = useState(pending?.summary ?? '');
  const propose = useMutation({
    mutationFn: async (body: ProposeBody) =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/determination/proposal', {
          params: { path: { caseId }, header: header(view) },
          body,
        }),
      ),
    onSuccess: onDone,
  });
  // What is missing is said here, in the person's language; the server says what else is wrong.
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...(isApiError(propose.error) ? propose.error.fieldErrors() : {}), ...missing };
  const a = amountsOf(view, computationId, penaltyIds);
  const toggle = (set: (fn: (ids: string[]) => string[]) => void, id: string) => (on: boolean) =>
    set((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const empty: Record<string, string> = {};
    if (employerIds.length === 0) empty.employerIds = t('violations.form.chooseEmployer');
    if (!summary.trim()) empty.summary = t('violations.form.required');
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    propose.reset();
    propose.mutate({
      computationId: computationId || undefined,
      violationIds,
      penaltyIds,
      employerIds,
      summary,
    });
  };
  return (
    <form className="usa-form maxw-tablet-lg" onSubmit={submit} aria-labelledby="propose-heading" noValidate>
      <h3 id="propose-heading">
        {pending ? t('determination.propose.again') : t('determination.propose.heading')}
      </h3>
      <ErrorAlert error={propose.error} onReload={onDone} />
      <Field
        label={t('determination.propose.computation')}
        hint={t('determination.propose.computationHint')}
        error={errorFor(errors, 'computationId')}
        required
      >
        <select
          className="usa-select maxw-full"
          value={computationId}
          onChange={(e) => setComputationId(e.currentTarget.value)}
        >
          {[...view.computations].reverse().map((c) => (
            <option key={c.computationId} value={c.computationId}>
              {t('determination.propose.computationOption', {
                total: f.money(c.totals.totalCents),
                ruleSets: c.ruleSets.map((r) => r.id).join(' + '),
                at: f.dateTime(c.recordedAt),
              })}
              {c.computationId === view.latestComputationId ? ` (${t('backWages.latest')})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        className={`usa-fieldset margin-top-3${errorFor(errors, 'employerIds') ? ' usa-form-group usa-form-group--error' : ''}`}
      >
        <legend className="usa-legend">{t('determination.propose.employers')}</legend>
        {errorFor(errors, 'employerIds') && (
          <span className="usa-error-message" role="alert">
            {errorFor(errors, 'employerIds')}
          </span>
        )}
        {view.employers.map((emp) => (
          <Check
            key={emp.employerId}
            id={`${uid}-${emp.employerId}`}
            label={emp.name}
            checked={employerIds.includes(emp.employerId)}
            onChange={toggle(setEmployerIds, emp.employerId)}
          />
        ))}
      </fieldset>
      {view.violations.length > 0 && (
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('determination.propose.violations')}</legend>
          {view.violations.map((v) => (
            <Check
              key={v.violationId}
              id={`${uid}-${v.violationId}`}
              label={`${t(`violations.type.${v.type}`)} · ${v.statute}`}
              checked={violationIds.includes(v.violationId)}
              onChange={toggle(setViolationIds, v.violationId)}
            />
          ))}
        </fieldset>
      )}
      {view.civilPenalties.length > 0 && (
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('determination.propose.penalties')}</legend>
          {view.civilPenalties.map((p) => (
            <Check
              key={p.penaltyId}
              id={`${uid}-${p.penaltyId}`}
              label={`${employerNames(view, [p.employerId])} · ${f.money(p.amountCents)}`}
              hint={p.statute}
              checked={penaltyIds.includes(p.penaltyId)}
              onChange={toggle(setPenaltyIds, p.penaltyId)}
            />
          ))}
        </fieldset>
      )}
      <Field
        label={t('determination.summary')}
        hint={t('determination.propose.summaryHint')}
        error={errorFor(errors, 'summary')}
        required
      >
        <textarea
          className="usa-textarea"
          value={summary}
          maxLength={20000}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
      </Field>
      <p className="margin-top-2" aria-live="polite">
        {t('determination.propose.totalIs', { total: f.money(a.total) })}
      </p>
      <button type="submit" className="usa-button" disabled={propose.isPending}>
        {t('determination.propose.submit')}
      </button>
    </form>
  );
}

function ApproveForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: InvestigationView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const determinationId = view.determination?.proposal.determinationId ?? '';
  const approve = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/determination/approval', {
          params: { path: { caseId }, header: header(view) },
          body: { determinationId, ...(note.trim() ? { note } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  const errors = isApiError(approve.error) ? approve.error.fieldErrors() : {};
  return (
    <form
      className="usa-form maxw-tablet-lg"
      onSubmit={(e) => {
        e.preventDefault();
        approve.mutate();
      }}
      aria-labelledby="approve-heading"
      noValidate
    >
      <h3 id="approve-heading">{t('determination.approve.heading')}</h3>
      <p>{t('determination.approve.body', { proposer: view.determination?.proposal.proposedBy })}</p>
      <ErrorAlert error={approve.error} onReload={onDone} />
      <Field
        label={t('determination.approve.note')}
        hint={t('determination.approve.noteHint')}
        error={errorFor(errors, 'note')}
      >
        <textarea
          className="usa-textarea"
          value={note}
          maxLength={4000}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </Field>
      <button type="submit" className="usa-button margin-top-2" disabled={approve.isPending}>
        {t('determination.approve.submit')}
      </button>
    </form>
  );
}

function IssueForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: InvestigationView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const determinationId = view.determination?.proposal.determinationId ?? '';
  const issue = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/determination/issue', {
          params: { path: { caseId }, header: header(view) },
          body: { determinationId },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <section aria-labelledby="issue-heading">
      <h3 id="issue-heading">{t('determination.issue.heading')}</h3>
      <p>{t('determination.issue.body')}</p>
      <ErrorAlert error={issue.error} onReload={onDone} />
      <button type="button" className="usa-button" disabled={issue.isPending} onClick={() => issue.mutate()}>
        {t('determination.issue.submit')}
      </button>
    </section>
  );
}
