import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Checkbox } from '../../ui/Checkbox';
import { Field } from '../../ui/Field';
import { AddressFields } from './AddressFields';
import { COMPLAINANT_ROLES } from './complaint-types';
import type { ComplainantDraft } from './intake-draft';

/** Languages intake hears most; any other is typed as a language tag. */
export const COMMON_LANGUAGES = [
  'en',
  'es',
  'zh',
  'yue',
  'vi',
  'tl',
  'ko',
  'ru',
  'ar',
  'ht',
  'pt',
  'fr',
  'hmn',
  'mix',
  'quc',
] as const;
const OTHER = 'other';

/** One complainant: who they are, how to reach them, their language and what they asked for. */
export function ComplainantFields({
  index,
  value,
  onChange,
  onRemove,
  error,
}: {
  index: number;
  value: ComplainantDraft;
  onChange: (patch: Partial<ComplainantDraft>) => void;
  onRemove: () => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const roleName = useId();
  const n = index + 1;
  const languageNames = useMemo(
    () => new Intl.DisplayNames([f.locale], { type: 'language', fallback: 'code' }),
    [f.locale],
  );
  const common = (COMMON_LANGUAGES as readonly string[]).includes(value.preferredLanguage);
  const otherLanguage = value.otherLanguage || (!common && value.preferredLanguage !== '');
  const anonymous = value.role === 'anonymous';
  return (
    <fieldset
      className="usa-fieldset border-1px border-base-lighter radius-md padding-2 margin-top-2"
      data-testid="complainant"
    >
      <legend className="usa-legend text-bold padding-x-1">{t('intake.complainant.legend', { n })}</legend>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{t('intake.complainant.role')}</legend>
        <div className="workbench-inline-choices">
          {COMPLAINANT_ROLES.map((r) => (
            <div className="usa-radio" key={r}>
              <input
                className="usa-radio__input"
                id={`${roleName}-${r}`}
                type="radio"
                name={roleName}
                value={r}
                checked={value.role === r}
                onChange={() => onChange({ role: r })}
              />
              <label className="usa-radio__label margin-top-1" htmlFor={`${roleName}-${r}`}>
                {t(`intake.complainant.roles.${r}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {anonymous ? (
        <p className="usa-hint margin-top-1">{t('intake.complainant.anonymousHint')}</p>
      ) : (
        <Field label={t('intake.complainant.name')} error={error('name')} required>
          <input
            className="usa-input usa-input--xl"
            value={value.name}
            autoComplete="off"
            onChange={(e) => onChange({ name: e.currentTarget.value })}
          />
        </Field>
      )}
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-6">
          <Field
            label={t('intake.complainant.language')}
            error={otherLanguage ? undefined : error('preferredLanguage')}
            required
          >
            <select
              className="usa-select"
              value={otherLanguage ? OTHER : value.preferredLanguage}
              onChange={(e) => {
                const v = e.currentTarget.value;
                onChange(
                  v === OTHER
                    ? { otherLanguage: true, preferredLanguage: '' }
                    : { otherLanguage: false, preferredLanguage: v },
                );
              }}
            >
              <option value="">{t('intake.choose')}</option>
              {COMMON_LANGUAGES.map((tag) => (
                <option key={tag} value={tag}>
                  {languageNames.of(tag)}
                </option>
              ))}
              <option value={OTHER}>{t('intake.complainant.languageOther')}</option>
            </select>
          </Field>
        </div>
        {otherLanguage && (
          <div className="tablet:grid-col-6">
            <Field
              label={t('intake.complainant.languageTag')}
              hint={t('intake.complainant.languageTagHint')}
              error={error('preferredLanguage')}
              required
            >
              <input
                className="usa-input"
                value={value.preferredLanguage}
                autoComplete="off"
                onChange={(e) => onChange({ preferredLanguage: e.currentTarget.value })}
              />
            </Field>
          </div>
        )}
      </div>
      <Checkbox
        label={t('intake.complainant.interpreter')}
        checked={value.interpreterNeeded}
        onChange={(v) => onChange({ interpreterNeeded: v })}
      />
      <Checkbox
        label={t('intake.complainant.confidentiality')}
        description={t('intake.complainant.confidentialityHint')}
        checked={value.confidentialityRequested}
        onChange={(v) => onChange({ confidentialityRequested: v })}
      />
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-6">
          <Field label={t('intake.complainant.phone')} error={error('phone')}>
            <input
              className="usa-input"
              type="tel"
              value={value.phone}
              autoComplete="off"
              onChange={(e) => onChange({ phone: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-6">
          <Field label={t('intake.complainant.email')} error={error('email')}>
            <input
              className="usa-input"
              type="email"
              value={value.email}
              autoComplete="off"
              onChange={(e) => onChange({ email: e.currentTarget.value })}
            />
          </Field>
        </div>
      </div>
      <AddressFields
        legend={t('intake.complainant.address')}
        value={value.address}
        onChange={(patch) => onChange({ address: { ...value.address, ...patch } })}
        error={(field) => error(`address.${field}`)}
      />
      <button type="button" className="usa-button usa-button--unstyled margin-top-2" onClick={onRemove}>
        {t('intake.complainant.remove', { n })}
      </button>
    </fieldset>
  );
}
