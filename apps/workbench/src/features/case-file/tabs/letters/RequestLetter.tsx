import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { Field } from '../../../../ui/Field';
import type { InvestigationView } from '../../case-file-tab';
import { ActionForm } from '../../ActionForm';
import { useMayAct } from '../../tab-parts';
import { pickedWorker, WorkerPicker, type KnownWorker } from '../../workers';

const REQUEST = 'POST /api/v1/cases/{caseId}/investigation/immigration-letter-requests';
const PROGRAMS = ['u_visa', 't_visa', 'deferred_action', 'other'] as const;
const today = () => new Date().toISOString().slice(0, 10);

/** Requests a letter for a worker: the program, who asked for it and when. */
export function RequestLetter({
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
