import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { useFormat } from '../../../i18n/format';
import { Checkbox } from '../../../ui/Checkbox';
import { Field } from '../../../ui/Field';
import { fieldErrorsOf, useComplaintAction } from '../use-complaint-action';
import { ActionError, RedoableStep } from './ActionFeedback';
import type { StepProps } from './step-props';

type Body = { statute: string; willful: boolean };

/** Step 2: how long the oldest alleged wages stay recoverable (intake computes it from the statute). */
export function LimitationsStep({ view, reload }: StepProps) {
  const { t } = useTranslation();
  const current = view.complaint.limitations;
  const [statute, setStatute] = useState(current?.statute ?? 'FLSA');
  const [willful, setWillful] = useState(current?.willful ?? false);
  const action = useComplaintAction(view.caseId, async (caseId, body: Body, header) =>
    ok(
      await api.POST('/api/v1/complaints/{caseId}/limitations-assessment', {
        params: { path: { caseId }, header },
        body,
      }),
    ),
  );
  const errors = fieldErrorsOf(action.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate({ body: { statute: statute.trim(), willful }, version: view.version });
  };
  return (
    <RedoableStep
      result={current && <LimitationsResult limitations={current} />}
      action={action}
      done={t('complaint.limitations.done')}
      redoLabel={t('complaint.limitations.reassess')}
    >
      <form noValidate onSubmit={submit} aria-label={t('complaint.limitations.heading')}>
        <Field
          label={t('complaint.limitations.statute')}
          hint={t('complaint.limitations.statuteHint')}
          error={errors.statute}
          required
        >
          <input
            className="usa-input usa-input--medium"
            value={statute}
            onChange={(e) => setStatute(e.currentTarget.value)}
          />
        </Field>
        <Checkbox
          label={t('complaint.limitations.willful')}
          description={t('complaint.limitations.willfulHint')}
          checked={willful}
          onChange={setWillful}
        />
        <ActionError action={action} onReload={reload} />
        <button type="submit" className="usa-button margin-top-2" disabled={action.isPending}>
          {t('complaint.limitations.submit')}
        </button>
      </form>
    </RedoableStep>
  );
}

export function LimitationsResult({
  limitations: l,
}: {
  limitations: NonNullable<StepProps['view']['complaint']['limitations']>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <dl className="workbench-facts" data-testid="limitations-result">
      <dt>{t('complaint.limitations.statute')}</dt>
      <dd>
        {l.statute} · {t('complaint.limitations.years', { years: f.number(l.periodYears) })}
        {l.willful ? ` · ${t('complaint.limitations.willful')}` : ''}
      </dd>
      <dt>{t('complaint.limitations.earliest')}</dt>
      <dd>{f.date(l.earliestRecoverableDate)}</dd>
      <dt>{t('complaint.limitations.expiresOn')}</dt>
      <dd>
        {f.date(l.expiresOn)} ({t('complaint.limitations.daysRemaining', { days: f.number(l.daysRemaining) })}
        ){' '}
        {l.warning && (
          <span className="usa-tag bg-secondary-dark">{t(`complaint.limitations.warning.${l.warning}`)}</span>
        )}
      </dd>
      <dt>{t('complaint.limitations.assessedOn')}</dt>
      <dd>{f.date(l.assessedOn)}</dd>
    </dl>
  );
}
