import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { AddressFields } from './AddressFields';
import { EmployerHints } from './EmployerHints';
import type { IntakeDraft } from './intake-draft';

/** The employer complained about, beside what the employer index already knows of it. */
export function EmployerFields({
  employer,
  setEmployer,
  err,
}: {
  employer: IntakeDraft['employer'];
  setEmployer: (patch: Partial<IntakeDraft['employer']>) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="usa-fieldset margin-top-4">
      <legend className="usa-legend font-sans-lg text-bold">{t('intake.employer.legend')}</legend>
      <div className="grid-row grid-gap-4">
        <div className="desktop:grid-col-7">
          <Field label={t('intake.employer.name')} error={err('employer.name')} required>
            <input
              className="usa-input usa-input--xl"
              value={employer.name}
              autoComplete="off"
              onChange={(e) => setEmployer({ name: e.currentTarget.value })}
            />
          </Field>
          <Field label={t('intake.employer.tradeName')} error={err('employer.tradeName')}>
            <input
              className="usa-input usa-input--xl"
              value={employer.tradeName}
              autoComplete="off"
              onChange={(e) => setEmployer({ tradeName: e.currentTarget.value })}
            />
          </Field>
          <div className="grid-row grid-gap-2">
            <div className="tablet:grid-col-6">
              <Field
                label={t('intake.employer.fein')}
                hint={t('intake.employer.feinHint')}
                error={err('employer.fein')}
              >
                <input
                  className="usa-input"
                  value={employer.fein}
                  autoComplete="off"
                  inputMode="numeric"
                  onChange={(e) => setEmployer({ fein: e.currentTarget.value })}
                />
              </Field>
            </div>
            <div className="tablet:grid-col-6">
              <Field
                label={t('intake.employer.naics')}
                hint={t('intake.employer.naicsHint')}
                error={err('employer.naics')}
              >
                <input
                  className="usa-input"
                  value={employer.naics}
                  autoComplete="off"
                  inputMode="numeric"
                  onChange={(e) => setEmployer({ naics: e.currentTarget.value })}
                />
              </Field>
            </div>
          </div>
          <AddressFields
            legend={t('intake.employer.address')}
            value={employer.address}
            onChange={(patch) => setEmployer({ address: { ...employer.address, ...patch } })}
            error={(field) => err(`employer.address.${field}`)}
            required
          />
        </div>
        <div className="desktop:grid-col-5">
          <EmployerHints employer={employer} />
        </div>
      </div>
    </fieldset>
  );
}
