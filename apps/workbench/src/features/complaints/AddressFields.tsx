import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import type { AddressDraft } from './intake-draft';

/** A U.S. address as the API takes it: street, city, two-letter state and ZIP code. */
export function AddressFields({
  legend,
  value,
  onChange,
  error,
  required,
}: {
  legend: string;
  value: AddressDraft;
  onChange: (patch: Partial<AddressDraft>) => void;
  error: (field: keyof AddressDraft) => string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="usa-fieldset margin-top-2">
      <legend className="usa-legend">{legend}</legend>
      <Field label={t('intake.address.street')} error={error('street')} required={required}>
        <input
          className="usa-input usa-input--xl"
          value={value.street}
          autoComplete="off"
          onChange={(e) => onChange({ street: e.currentTarget.value })}
        />
      </Field>
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-6">
          <Field label={t('intake.address.city')} error={error('city')} required={required}>
            <input
              className="usa-input"
              value={value.city}
              autoComplete="off"
              onChange={(e) => onChange({ city: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-2">
          <Field label={t('intake.address.state')} error={error('state')} required={required}>
            <input
              className="usa-input"
              value={value.state}
              maxLength={2}
              autoComplete="off"
              onChange={(e) => onChange({ state: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <Field label={t('intake.address.postalCode')} error={error('postalCode')} required={required}>
            <input
              className="usa-input"
              value={value.postalCode}
              inputMode="numeric"
              autoComplete="off"
              onChange={(e) => onChange({ postalCode: e.currentTarget.value })}
            />
          </Field>
        </div>
      </div>
    </fieldset>
  );
}
