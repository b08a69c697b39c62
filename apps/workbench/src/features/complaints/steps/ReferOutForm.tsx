import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { RECEIVING_AGENCIES, type ReceivingAgency, type ReferOutBody } from '../complaint-types';
import { fieldErrorsOf, useComplaintAction } from '../use-complaint-action';
import { ActionError } from './ActionFeedback';
import type { StepProps } from './step-props';

/** Refer out to another agency; cross-filed, the complaint stays here too. */
export function ReferOutForm({ view, reload }: StepProps) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState<ReceivingAgency | ''>('');
  const [agencyName, setAgencyName] = useState('');
  const [crossFiled, setCrossFiled] = useState(false);
  const [reason, setReason] = useState('');
  const action = useComplaintAction(view.caseId, async (caseId, body: ReferOutBody, header) =>
    ok(
      await api.POST('/api/v1/complaints/{caseId}/referral-out', {
        params: { path: { caseId }, header },
        body,
      }),
    ),
  );
  const errors = fieldErrorsOf(action.error);
  const named = agency === 'STATE_AGENCY' || agency === 'OTHER';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      receivingAgency: agency || undefined,
      agencyName: named && agencyName.trim() ? agencyName.trim() : undefined,
      crossFiled,
      reason: reason.trim(),
    } as ReferOutBody;
    action.mutate({ body, version: view.version });
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('complaint.decide.referOut.choice')}>
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-6">
          <Field label={t('complaint.decide.referOut.agency')} error={errors.receivingAgency} required>
            <select
              className="usa-select"
              value={agency}
              onChange={(e) => setAgency(e.currentTarget.value as ReceivingAgency | '')}
            >
              <option value="">{t('intake.choose')}</option>
              {RECEIVING_AGENCIES.map((a) => (
                <option key={a} value={a}>
                  {t(`complaint.agencies.${a}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {named && (
          <div className="tablet:grid-col-6">
            <Field label={t('complaint.decide.referOut.agencyName')} error={errors.agencyName} required>
              <input
                className="usa-input"
                value={agencyName}
                onChange={(e) => setAgencyName(e.currentTarget.value)}
              />
            </Field>
          </div>
        )}
      </div>
      <Checkbox
        label={t('complaint.decide.referOut.crossFiled')}
        description={t('complaint.decide.referOut.crossFiledHint')}
        checked={crossFiled}
        onChange={setCrossFiled}
      />
      <Field label={t('complaint.decide.reason')} error={errors.reason} required>
        <textarea
          className="usa-textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
      <ActionError action={action} onReload={reload} />
      <button type="submit" className="usa-button margin-top-2" disabled={action.isPending}>
        {t('complaint.decide.referOut.submit')}
      </button>
    </form>
  );
}
