import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { Checkbox } from '../../../../ui/Checkbox';
import { Field } from '../../../../ui/Field';
import type { InvestigationView } from '../../case-file-tab';
import { ActionForm } from '../../ActionForm';
import { useMayAct } from '../../tab-parts';
import { OTHER_WORKER, pickedWorker, WorkerPicker, type KnownWorker } from '../../workers';
import { languageName } from './language-name';

const RECORD = 'POST /api/v1/cases/{caseId}/investigation/interviews';
const ROLES = ['worker', 'former_worker', 'witness', 'employer_representative', 'manager', 'other'] as const;
/** Languages offered first (any BCP 47 tag may be typed). */
const COMMON_LANGUAGES = ['en', 'es', 'zh', 'vi', 'tl', 'ko', 'pt', 'ht', 'ar', 'ru', 'mix', 'yua', 'zap'];
const today = () => new Date().toISOString().slice(0, 10);

/** Records an interview: when, who (by role, a case worker or named), language, how, summary. */
export function RecordInterview({
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
  const f = useFormat();
  const mayRecord = useMayAct(RECORD, investigation);
  const blank = {
    interviewedOn: today(),
    role: 'worker' as (typeof ROLES)[number],
    worker: '',
    otherWorkerId: '',
    name: '',
    phone: '',
    confidentialSource: false,
    language: 'es',
    interpreterUsed: false,
    traumaInformedProtocol: false,
    summary: '',
    notes: '',
  };
  const [form, setForm] = useState(blank);
  const set = <K extends keyof typeof blank>(k: K, v: (typeof blank)[K]) =>
    setForm((x) => ({ ...x, [k]: v }));
  const record = useMutation({
    mutationFn: async () => {
      const workerId = pickedWorker(form.worker, form.otherWorkerId);
      return ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/interviews', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
          },
          body: {
            interviewee: {
              role: form.role,
              confidentialSource: form.confidentialSource,
              ...(workerId ? { workerId } : {}),
              ...(form.name.trim() ? { name: form.name.trim() } : {}),
              ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
            },
            interviewedOn: form.interviewedOn,
            language: form.language.trim(),
            interpreterUsed: form.interpreterUsed,
            traumaInformedProtocol: form.traumaInformedProtocol,
            summary: form.summary,
            ...(form.notes.trim() ? { notes: form.notes } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      setForm(blank);
      refresh();
    },
  });
  if (!mayRecord) return null;
  const errors = isApiError(record.error) ? record.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  const aboutWorker = form.role === 'worker' || form.role === 'former_worker';

  return (
    <ActionForm
      id="interview-form"
      heading={t('interviews.form.heading')}
      done={record.isSuccess ? t('interviews.form.done') : undefined}
      error={record.error}
      onReload={() => {
        record.reset();
        refresh();
      }}
      onSubmit={submit}
      submitLabel={record.isPending ? t('caseFile.saving') : t('interviews.form.submit')}
      busy={record.isPending}
    >
      <Field label={t('interviews.form.date')} error={errors.interviewedOn} required>
        <input
          type="date"
          className="usa-input usa-input--medium"
          name="interviewedOn"
          value={form.interviewedOn}
          onChange={(e) => set('interviewedOn', e.target.value)}
        />
      </Field>
      <Field label={t('interviews.form.role')} error={errors['interviewee.role']} required>
        <select
          className="usa-select"
          name="role"
          value={form.role}
          onChange={(e) => set('role', e.target.value as typeof form.role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`interviews.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {aboutWorker && (
        <WorkerPicker
          label={t('interviews.form.worker')}
          workers={workers}
          choice={form.worker}
          otherId={form.otherWorkerId}
          onChoice={(v) => set('worker', v)}
          onOtherId={(v) => set('otherWorkerId', v)}
          error={errors['interviewee.workerId']}
        />
      )}
      {(!aboutWorker || !form.worker || form.worker === OTHER_WORKER) && (
        <>
          <Field
            label={t('interviews.form.name')}
            hint={t('interviews.form.nameHint')}
            error={errors['interviewee.name']}
          >
            <input
              className="usa-input"
              name="name"
              autoComplete="off"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          </Field>
          <Field
            label={t('interviews.form.phone')}
            hint={t('interviews.form.phoneHint')}
            error={errors['interviewee.phone']}
          >
            <input
              type="tel"
              className="usa-input usa-input--medium"
              name="phone"
              autoComplete="off"
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
            />
          </Field>
        </>
      )}
      <Field
        label={t('interviews.form.language')}
        hint={t('interviews.form.languageHint')}
        error={errors.language}
        required
      >
        <input
          className="usa-input usa-input--medium"
          name="language"
          list="interview-languages"
          value={form.language}
          onChange={(e) => set('language', e.target.value)}
        />
      </Field>
      <datalist id="interview-languages">
        {COMMON_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {languageName(l, f.locale)}
          </option>
        ))}
      </datalist>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('interviews.form.how')}</legend>
        <Checkbox
          label={t('interviews.form.interpreterUsed')}
          checked={form.interpreterUsed}
          onChange={(v) => set('interpreterUsed', v)}
        />
        <Checkbox
          label={t('interviews.form.traumaInformed')}
          checked={form.traumaInformedProtocol}
          onChange={(v) => set('traumaInformedProtocol', v)}
        />
        <Checkbox
          label={t('interviews.form.confidentialSource')}
          description={t('interviews.form.confidentialSourceHint')}
          checked={form.confidentialSource}
          onChange={(v) => set('confidentialSource', v)}
        />
      </fieldset>
      <Field
        label={t('interviews.form.summary')}
        hint={t('interviews.form.summaryHint')}
        error={errors.summary}
        required
      >
        <textarea
          className="usa-textarea"
          name="summary"
          rows={5}
          value={form.summary}
          onChange={(e) => set('summary', e.target.value)}
        />
      </Field>
      <Field label={t('interviews.form.notes')} hint={t('interviews.form.notesHint')} error={errors.notes}>
        <textarea
          className="usa-textarea"
          name="notes"
          rows={3}
          value={form.notes}
          onChange={(e) => set('notes', e.target.value)}
        />
      </Field>
    </ActionForm>
  );
}
