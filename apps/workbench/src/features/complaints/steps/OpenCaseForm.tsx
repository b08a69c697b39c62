import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { Field } from '../../../ui/Field';
import { fieldErrorsOf, useComplaintAction } from '../use-complaint-action';
import { ActionError } from './ActionFeedback';
import type { StepProps } from './step-props';

/** Open the case: intake gives it a case number and the triage's priority; investigation takes over. */
export function OpenCaseForm({ view, reload }: StepProps) {
  const { t } = useTranslation();
  const [office, setOffice] = useState('');
  const action = useComplaintAction(view.caseId, async (caseId, body: { office?: string }, header) =>
    ok(await api.POST('/api/v1/complaints/{caseId}/open', { params: { path: { caseId }, header }, body })),
  );
  const errors = fieldErrorsOf(action.error);
  const { triage, jurisdiction } = view.complaint;
  // The API refuses both; saying so here saves a round trip and says what to do instead.
  const blocked = !triage
    ? t('complaint.decide.open.needsTriage')
    : jurisdiction?.inJurisdiction === false
      ? t('complaint.decide.open.outside')
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const o = office.trim().toUpperCase();
    action.mutate({ body: o ? { office: o } : {}, version: view.version });
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('complaint.decide.open.choice')}>
      <p className="margin-top-0">{t('complaint.decide.open.body', { priority: triage?.priority ?? '—' })}</p>
      <Field
        label={t('complaint.decide.open.office')}
        hint={t('complaint.decide.open.officeHint', { office: view.complaint.office })}
        error={errors.office}
      >
        <input
          className="usa-input usa-input--medium"
          value={office}
          placeholder={view.complaint.office}
          onChange={(e) => setOffice(e.currentTarget.value)}
        />
      </Field>
      {blocked && (
        <p className="usa-hint margin-top-2" data-testid="open-blocked">
          {blocked}
        </p>
      )}
      <ActionError action={action} onReload={reload} />
      <button type="submit" className="usa-button margin-top-2" disabled={action.isPending || !!blocked}>
        {t('complaint.decide.open.submit')}
      </button>
    </form>
  );
}
