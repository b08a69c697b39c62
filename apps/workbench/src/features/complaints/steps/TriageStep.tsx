import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { useFormat } from '../../../i18n/format';
import { Field } from '../../../ui/Field';
import { RESOURCE_INTENSITIES, type ResourceIntensity, type Triage } from '../complaint-types';
import { fieldErrorsOf, useComplaintAction } from '../use-complaint-action';
import { ActionError, RedoableStep } from './ActionFeedback';
import type { StepProps } from './step-props';

/** Step 3: the triage score. Intake weighs every factor itself; intake staff may say how much work it will be. */
export function TriageStep({ view, reload }: StepProps) {
  const { t } = useTranslation();
  const current = view.complaint.triage;
  const [intensity, setIntensity] = useState<ResourceIntensity | ''>('');
  const action = useComplaintAction(
    view.caseId,
    async (caseId, body: { resourceIntensity?: ResourceIntensity }, header) =>
      ok(
        await api.POST('/api/v1/complaints/{caseId}/triage', { params: { path: { caseId }, header }, body }),
      ),
  );
  const errors = fieldErrorsOf(action.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate({ body: intensity ? { resourceIntensity: intensity } : {}, version: view.version });
  };
  return (
    <RedoableStep
      result={current && <TriageResult triage={current} />}
      action={action}
      done={t('complaint.triage.done')}
      redoLabel={t('complaint.triage.rescore')}
    >
      <form noValidate onSubmit={submit} aria-label={t('complaint.triage.heading')}>
        <Field
          label={t('complaint.triage.intensity')}
          hint={t('complaint.triage.intensityHint')}
          error={errors.resourceIntensity}
        >
          <select
            className="usa-select"
            value={intensity}
            onChange={(e) => setIntensity(e.currentTarget.value as ResourceIntensity | '')}
          >
            <option value="">{t('complaint.triage.estimate')}</option>
            {RESOURCE_INTENSITIES.map((r) => (
              <option key={r} value={r}>
                {t(`complaint.triage.intensities.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <ActionError action={action} onReload={reload} />
        <button type="submit" className="usa-button margin-top-2" disabled={action.isPending}>
          {t('complaint.triage.submit')}
        </button>
      </form>
    </RedoableStep>
  );
}

/** Every factor the API returned, with its points and its explanation, and what they add up to. */
export function TriageResult({ triage }: { triage: Triage }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const signed = useMemo(() => new Intl.NumberFormat(f.locale, { signDisplay: 'exceptZero' }), [f.locale]);
  const sum = triage.factors.reduce((total, factor) => total + factor.points, 0);
  const factorName = (factor: string) => {
    const key = `complaint.triage.factors.${factor}`;
    return i18n.exists(key) ? t(key as 'complaint.triage.factors.severity') : factor;
  };
  return (
    <table
      className="usa-table usa-table--compact usa-table--borderless width-full margin-top-0"
      data-testid="triage-result"
    >
      <caption>
        {t('complaint.triage.caption')} <span className="usa-tag">{triage.priority}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('complaint.triage.factor')}</th>
          <th scope="col" className="text-right">
            {t('complaint.triage.points')}
          </th>
          <th scope="col">{t('complaint.triage.explanation')}</th>
        </tr>
      </thead>
      <tbody>
        {triage.factors.map((factor) => (
          <tr key={factor.factor}>
            <th scope="row">{factorName(factor.factor)}</th>
            <td className="workbench-numeric">{signed.format(factor.points)}</td>
            <td>{factor.explanation}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('complaint.triage.total')}</th>
          <td className="workbench-numeric text-bold">{f.number(sum)}</td>
          <td>
            {t('complaint.triage.score', { score: f.number(triage.score), priority: triage.priority })}
            {sum !== triage.score && ` ${t('complaint.triage.clamped')}`}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
