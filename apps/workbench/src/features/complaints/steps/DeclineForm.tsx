import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { operationRoles } from '../../../api/operation-roles';
import { useMay } from '../../../auth/may';
import { useFormat } from '../../../i18n/format';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { DECLINE_REASONS, type DeclineBody, type DeclineReason } from '../complaint-types';
import { fieldErrorsOf, useComplaintAction } from '../use-complaint-action';
import { ActionError } from './ActionFeedback';
import type { StepProps } from './step-props';

const DECLINE = 'POST /api/v1/complaints/{caseId}/decline';

/** Decline: supervisors only. Others see the form disabled and who may do it. */
export function DeclineForm({ view, reload }: StepProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const mayDecline = useMay(DECLINE);
  const [reasonCode, setReasonCode] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const action = useComplaintAction(view.caseId, async (caseId, body: DeclineBody, header) =>
    ok(await api.POST('/api/v1/complaints/{caseId}/decline', { params: { path: { caseId }, header }, body })),
  );
  const errors = fieldErrorsOf(action.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { reasonCode: reasonCode || undefined, note: note.trim() || undefined } as DeclineBody;
    action.mutate({ body, version: view.version });
  };
  const roles = (operationRoles[DECLINE] ?? []).map((r) => t(`roles.${r}` as 'roles.admin'));
  return (
    <form noValidate onSubmit={submit} aria-label={t('complaint.decide.decline.choice')}>
      {!mayDecline && (
        <Alert kind="info" slim>
          <span data-testid="decline-why-not">
            {t('complaint.decide.decline.onlyRoles', {
              roles: new Intl.ListFormat(f.locale, { type: 'disjunction' }).format(roles),
            })}
          </span>
        </Alert>
      )}
      <fieldset className="usa-fieldset" disabled={!mayDecline}>
        <legend className="usa-sr-only">{t('complaint.decide.decline.choice')}</legend>
        <Field label={t('complaint.decide.decline.reasonCode')} error={errors.reasonCode} required>
          <select
            className="usa-select"
            value={reasonCode}
            onChange={(e) => setReasonCode(e.currentTarget.value as DeclineReason | '')}
          >
            <option value="">{t('intake.choose')}</option>
            {DECLINE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`complaint.declineReasons.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('complaint.decide.decline.note')}
          hint={t('complaint.decide.decline.noteHint')}
          error={errors.note}
          required={reasonCode === 'other'}
        >
          <textarea
            className="usa-textarea"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Field>
        <ActionError action={action} onReload={reload} />
        <button
          type="submit"
          className="usa-button usa-button--secondary margin-top-2"
          disabled={!mayDecline || action.isPending}
        >
          {t('complaint.decide.decline.submit')}
        </button>
      </fieldset>
    </form>
  );
}
