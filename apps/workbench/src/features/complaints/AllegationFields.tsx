import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../ui/Checkbox';
import { Field } from '../../ui/Field';
import type { AllegationType } from './complaint-types';
import type { AllegationDraft } from './intake-draft';

/** One allegation: what, when, how many workers, and the complainant's estimate of what is owed. */
export function AllegationFields({
  index,
  value,
  types,
  onChange,
  onRemove,
  error,
}: {
  index: number;
  value: AllegationDraft;
  types: readonly AllegationType[];
  onChange: (patch: Partial<AllegationDraft>) => void;
  /** Absent for the last one: a complaint alleges something. */
  onRemove?: () => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <fieldset
      className="usa-fieldset border-1px border-base-lighter radius-md padding-2 margin-top-2"
      data-testid="allegation"
    >
      <legend className="usa-legend text-bold padding-x-1">{t('intake.allegation.legend', { n })}</legend>
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-4">
          <Field label={t('intake.allegation.type')} error={error('type')} required>
            <select
              className="usa-select"
              value={value.type}
              onChange={(e) => onChange({ type: e.currentTarget.value as AllegationType })}
            >
              <option value="">{t('intake.choose')}</option>
              {types.map((type) => (
                <option key={type} value={type}>
                  {t(`allegationTypes.${type}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-3">
          <Field label={t('intake.allegation.periodStart')} error={error('periodStart')} required>
            <input
              className="usa-input"
              type="date"
              value={value.periodStart}
              onChange={(e) => onChange({ periodStart: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-3">
          <Field label={t('intake.allegation.periodEnd')} error={error('periodEnd')}>
            <input
              className="usa-input"
              type="date"
              value={value.ongoing ? '' : value.periodEnd}
              disabled={value.ongoing}
              onChange={(e) => onChange({ periodEnd: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-2">
          <Field label={t('intake.allegation.workers')} error={error('workersAffected')} required>
            <input
              className="usa-input"
              inputMode="numeric"
              value={value.workersAffected}
              onChange={(e) => onChange({ workersAffected: e.currentTarget.value })}
            />
          </Field>
        </div>
      </div>
      <Checkbox
        label={t('intake.allegation.ongoing')}
        description={t('intake.allegation.ongoingHint')}
        checked={value.ongoing}
        onChange={(v) => onChange({ ongoing: v })}
      />
      <Field
        label={t('intake.allegation.estimate')}
        hint={t('intake.allegation.estimateHint')}
        error={error('estimatedAmountCents')}
      >
        <input
          className="usa-input usa-input--medium"
          inputMode="decimal"
          value={value.estimatedAmount}
          onChange={(e) => onChange({ estimatedAmount: e.currentTarget.value })}
        />
      </Field>
      <Field label={t('intake.allegation.description')} error={error('description')}>
        <textarea
          className="usa-textarea"
          rows={3}
          value={value.description}
          onChange={(e) => onChange({ description: e.currentTarget.value })}
        />
      </Field>
      {onRemove && (
        <button type="button" className="usa-button usa-button--unstyled margin-top-2" onClick={onRemove}>
          {t('intake.allegation.remove', { n })}
        </button>
      )}
    </fieldset>
  );
}
