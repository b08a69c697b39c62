import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { operationRoles } from '../../../../api/operation-roles';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { Alert } from '../../../../ui/Alert';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps, InvestigationView } from '../../case-file-tab';
import { type Evidence, type Letter } from '../../investigation';
import { ActionForm } from '../../ActionForm';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab, useMayAct } from '../../tab-parts';
import { pickedWorker, useCaseWorkers, useWorkerLabel, WorkerPicker, type KnownWorker } from '../../workers';

const REQUEST = 'POST /api/v1/cases/{caseId}/investigation/immigration-letter-requests';
const ISSUE = 'POST /api/v1/cases/{caseId}/investigation/immigration-letters';
const PROGRAMS = ['u_visa', 't_visa', 'deferred_action', 'other'] as const;
const column = createColumnHelper<Letter>();
const today = () => new Date().toISOString().slice(0, 10);

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

function IssueLetter({
  caseId,
  investigation,
  letter,
  workerLabel,
  evidence,
  refresh,
  close,
}: {
  caseId: string;
  investigation: InvestigationView;
  letter: Letter;
  workerLabel: string;
  evidence: Evidence[];
  refresh: () => void;
  close: () => void;
}) {
  const { t } = useTranslation();
  const [issuedOn, setIssuedOn] = useState(today());
  const [evidenceId, setEvidenceId] = useState('');
  const issue = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/immigration-letters', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
          },
          body: { letterId: letter.letterId, issuedOn, ...(evidenceId ? { evidenceId } : {}) },
        }),
      ),
    onSuccess: () => {
      close();
      refresh();
    },
  });
  const errors = isApiError(issue.error) ? issue.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate();
  };
  return (
    <form
      className="usa-form usa-form--large margin-top-3 border-1px border-base-lighter padding-2 radius-md"
      onSubmit={submit}
      aria-labelledby="letter-issue-heading"
    >
      <h3 id="letter-issue-heading" className="margin-top-0">
        {t('letters.issue.heading', { worker: workerLabel })}
      </h3>
      <p className="usa-hint">{t('letters.issue.body')}</p>
      <ErrorAlert
        error={issue.error}
        onReload={() => {
          issue.reset();
          refresh();
        }}
      />
      <Field label={t('letters.issue.issuedOn')} error={errors.issuedOn} required>
        <input
          type="date"
          className="usa-input usa-input--medium"
          name="issuedOn"
          value={issuedOn}
          onChange={(e) => setIssuedOn(e.target.value)}
        />
      </Field>
      <Field
        label={t('letters.issue.evidence')}
        hint={t('letters.issue.evidenceHint')}
        error={errors.evidenceId}
      >
        <select
          className="usa-select"
          name="evidenceId"
          value={evidenceId}
          onChange={(e) => setEvidenceId(e.target.value)}
        >
          <option value="">{t('letters.issue.noEvidence')}</option>
          {evidence.map((x) => (
            <option key={x.evidenceId} value={x.evidenceId}>
              {x.fileName ?? x.sha256.slice(0, 16)}
            </option>
          ))}
        </select>
      </Field>
      <div className="margin-top-2">
        <button type="submit" className="usa-button" disabled={issue.isPending}>
          {issue.isPending ? t('caseFile.saving') : t('letters.issue.submit')}
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function RequestLetter({
  caseId,
  investigation,
  workers,
  refresh,
}: {
  caseId: string;
  investigation: InvestigationView;
  workers: KnownWorker[];
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const mayRequest = useMayAct(REQUEST, investigation);
  const blank = {
    worker: '',
    otherWorkerId: '',
    program: 'u_visa' as (typeof PROGRAMS)[number],
    requestedBy: '',
    requestedOn: today(),
  };
  const [form, setForm] = useState(blank);
  const set = <K extends keyof typeof blank>(k: K, v: (typeof blank)[K]) =>
    setForm((x) => ({ ...x, [k]: v }));
  const request = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/immigration-letter-requests', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
          },
          body: {
            workerId: pickedWorker(form.worker, form.otherWorkerId),
            program: form.program,
            requestedBy: form.requestedBy.trim(),
            requestedOn: form.requestedOn,
          },
        }),
      ),
    onSuccess: () => {
      setForm(blank);
      refresh();
    },
  });
  if (!mayRequest) return null;
  const errors = isApiError(request.error) ? request.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  return (
    <ActionForm
      id="letter-request"
      heading={t('letters.request.heading')}
      done={request.isSuccess ? t('letters.request.done') : undefined}
      error={request.error}
      onReload={() => {
        request.reset();
        refresh();
      }}
      onSubmit={submit}
      submitLabel={request.isPending ? t('caseFile.saving') : t('letters.request.submit')}
      busy={request.isPending}
    >
      <WorkerPicker
        label={t('letters.request.worker')}
        workers={workers}
        choice={form.worker}
        otherId={form.otherWorkerId}
        onChoice={(v) => set('worker', v)}
        onOtherId={(v) => set('otherWorkerId', v)}
        error={errors.workerId}
        required
      />
      <Field label={t('letters.request.program')} error={errors.program} required>
        <select
          className="usa-select"
          name="program"
          value={form.program}
          onChange={(e) => set('program', e.target.value as typeof form.program)}
        >
          {PROGRAMS.map((p) => (
            <option key={p} value={p}>
              {t(`letters.programs.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('letters.request.requestedBy')}
        hint={t('letters.request.requestedByHint')}
        error={errors.requestedBy}
        required
      >
        <input
          className="usa-input"
          name="requestedBy"
          autoComplete="off"
          value={form.requestedBy}
          onChange={(e) => set('requestedBy', e.target.value)}
        />
      </Field>
      <Field label={t('letters.request.requestedOn')} error={errors.requestedOn} required>
        <input
          type="date"
          className="usa-input usa-input--medium"
          name="requestedOn"
          value={form.requestedOn}
          onChange={(e) => set('requestedOn', e.target.value)}
        />
      </Field>
    </ActionForm>
  );
}

export const tab: CaseFileTab = {
  id: 'letters',
  order: 90,
  labelKey: 'caseFile.tabs.letters',
  roles: INVESTIGATION_READERS,
  Component: LettersTab,
};
