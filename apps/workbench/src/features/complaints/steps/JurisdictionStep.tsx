import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { useFormat } from '../../../i18n/format';
import { Field } from '../../../ui/Field';
import type { JurisdictionBody } from '../complaint-types';
import { dollarsToCents } from '../intake-draft';
import { errorUnder, fieldErrorsOf, useComplaintAction } from '../use-complaint-action';
import { ActionError, RedoableStep } from './ActionFeedback';
import type { StepProps } from './step-props';

type YesNo = '' | 'yes' | 'no';
const yesNo = (b: boolean | undefined): YesNo => (b === undefined ? '' : b ? 'yes' : 'no');

/** Step 1: whether the agency may act on it, under which statutes, and why. */
export function JurisdictionStep({ view, reload }: StepProps) {
  const { t } = useTranslation();
  const current = view.complaint.jurisdiction;
  const radio = useId();
  const [inJurisdiction, setInJurisdiction] = useState<YesNo>(yesNo(current?.inJurisdiction));
  const [statutes, setStatutes] = useState(current?.statutes.join(', ') ?? 'FLSA');
  const [covered, setCovered] = useState<YesNo>(yesNo(current?.coveredEnterprise));
  const [volume, setVolume] = useState(
    current?.annualDollarVolumeCents != null ? (current.annualDollarVolumeCents / 100).toFixed(2) : '',
  );
  const [reason, setReason] = useState(current?.reason ?? '');
  const [volumeError, setVolumeError] = useState<string>();
  const action = useComplaintAction(view.caseId, async (caseId, body: JurisdictionBody, header) =>
    ok(
      await api.POST('/api/v1/complaints/{caseId}/jurisdiction-assessment', {
        params: { path: { caseId }, header },
        body,
      }),
    ),
  );
  const errors = fieldErrorsOf(action.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let annualDollarVolumeCents: number | undefined;
    if (volume.trim()) {
      const cents = dollarsToCents(volume);
      if (cents === null) return setVolumeError(t('intake.errors.amount'));
      annualDollarVolumeCents = cents;
    }
    setVolumeError(undefined);
    const body = {
      inJurisdiction: inJurisdiction === '' ? undefined : inJurisdiction === 'yes',
      statutes: statutes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      reason: reason.trim(),
      coveredEnterprise: covered === '' ? undefined : covered === 'yes',
      annualDollarVolumeCents,
    } as JurisdictionBody;
    action.mutate({ body, version: view.version });
  };

  const result = current && <JurisdictionResult jurisdiction={current} />;
  return (
    <RedoableStep
      result={result}
      action={action}
      done={t('complaint.jurisdiction.done')}
      redoLabel={t('complaint.jurisdiction.reassess')}
    >
      <form noValidate onSubmit={submit} aria-label={t('complaint.jurisdiction.heading')}>
        <fieldset
          className={`usa-fieldset${errors.inJurisdiction ? ' usa-form-group usa-form-group--error' : ''}`}
        >
          <legend className="usa-legend">{t('complaint.jurisdiction.inJurisdiction')}</legend>
          {errors.inJurisdiction && <span className="usa-error-message">{errors.inJurisdiction}</span>}
          <div className="workbench-inline-choices">
            {(['yes', 'no'] as const).map((v) => (
              <div className="usa-radio" key={v}>
                <input
                  className="usa-radio__input"
                  id={`${radio}-${v}`}
                  type="radio"
                  name={radio}
                  checked={inJurisdiction === v}
                  onChange={() => setInJurisdiction(v)}
                />
                <label className="usa-radio__label margin-top-1" htmlFor={`${radio}-${v}`}>
                  {v === 'yes' ? t('complaint.jurisdiction.within') : t('complaint.jurisdiction.outside')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field
          label={t('complaint.jurisdiction.statutes')}
          hint={t('complaint.jurisdiction.statutesHint')}
          error={errorUnder(errors, 'statutes')}
        >
          <input
            className="usa-input"
            value={statutes}
            onChange={(e) => setStatutes(e.currentTarget.value)}
          />
        </Field>
        <div className="grid-row grid-gap-2">
          <div className="tablet:grid-col-6">
            <Field label={t('complaint.jurisdiction.coveredEnterprise')} error={errors.coveredEnterprise}>
              <select
                className="usa-select"
                value={covered}
                onChange={(e) => setCovered(e.currentTarget.value as YesNo)}
              >
                <option value="">{t('complaint.notAssessed')}</option>
                <option value="yes">{t('common.yes')}</option>
                <option value="no">{t('common.no')}</option>
              </select>
            </Field>
          </div>
          <div className="tablet:grid-col-6">
            <Field
              label={t('complaint.jurisdiction.annualVolume')}
              hint={t('intake.allegation.estimateHint')}
              error={volumeError ?? errors.annualDollarVolumeCents}
            >
              <input
                className="usa-input"
                inputMode="decimal"
                value={volume}
                onChange={(e) => setVolume(e.currentTarget.value)}
              />
            </Field>
          </div>
        </div>
        <Field label={t('complaint.jurisdiction.reason')} error={errors.reason} required>
          <textarea
            className="usa-textarea"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
        <ActionError action={action} onReload={reload} />
        <button type="submit" className="usa-button margin-top-2" disabled={action.isPending}>
          {t('complaint.jurisdiction.submit')}
        </button>
      </form>
    </RedoableStep>
  );
}

export function JurisdictionResult({ jurisdiction: current }: { jurisdiction: JurisdictionBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <dl className="workbench-facts" data-testid="jurisdiction-result">
      <dt>{t('complaint.jurisdiction.inJurisdiction')}</dt>
      <dd>{current.inJurisdiction ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('complaint.jurisdiction.statutes')}</dt>
      <dd>{current.statutes.join(', ') || '—'}</dd>
      {current.coveredEnterprise !== undefined && (
        <>
          <dt>{t('complaint.jurisdiction.coveredEnterprise')}</dt>
          <dd>{current.coveredEnterprise ? t('common.yes') : t('common.no')}</dd>
        </>
      )}
      {current.annualDollarVolumeCents !== undefined && (
        <>
          <dt>{t('complaint.jurisdiction.annualVolume')}</dt>
          <dd>{f.money(current.annualDollarVolumeCents)}</dd>
        </>
      )}
      <dt>{t('complaint.jurisdiction.reason')}</dt>
      <dd>{current.reason}</dd>
    </dl>
  );
}
