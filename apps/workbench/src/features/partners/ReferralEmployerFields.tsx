import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { AddressFields } from '../complaints/AddressFields';
import type { ReferralDraft } from './referral-draft';

type EmployerDraft = ReferralDraft['employer'];

/** The employer the workers worked for, as the intake form asks it (same labels, same API shape). */
export function ReferralEmployerFields({
  value,
  onChange,
  error,
}: {
  value: EmployerDraft;
  onChange: (patch: Partial<EmployerDraft>) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="usa-fieldset margin-top-4">
      <legend className="usa-legend font-sans-lg text-bold">{t('intake.employer.legend')}</legend>
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-6">
          <Field label={t('intake.employer.name')} error={error('name')} required>
            <input
              className="usa-input"
              value={value.name}
              autoComplete="off"
              onChange={(e) => onChange({ name: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-6">
          <Field label={t('intake.employer.tradeName')} error={error('tradeName')}>
            <input
              className="usa-input"
              value={value.tradeName}
              autoComplete="off"
              onChange={(e) => onChange({ tradeName: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-6">
          <Field label={t('intake.employer.fein')} hint={t('intake.employer.feinHint')} error={error('fein')}>
            <input
              className="usa-input"
              value={value.fein}
              autoComplete="off"
              onChange={(e) => onChange({ fein: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-6">
          <Field
            label={t('intake.employer.naics')}
            hint={t('intake.employer.naicsHint')}
            error={error('naics')}
          >
            <input
              className="usa-input"
              inputMode="numeric"
              value={value.naics}
              autoComplete="off"
              onChange={(e) => onChange({ naics: e.currentTarget.value })}
            />
          </Field>
        </div>
      </div>
      <AddressFields
        legend={t('intake.employer.address')}
        value={value.address}
        onChange={(patch) => onChange({ address: { ...value.address, ...patch } })}
        error={(field) => error(`address.${field}`)}
        required
      />
    </fieldset>
  );
}
