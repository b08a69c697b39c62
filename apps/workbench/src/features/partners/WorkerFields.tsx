import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Checkbox } from '../../ui/Checkbox';
import { Field } from '../../ui/Field';
import { COMMON_LANGUAGES } from '../complaints/ComplainantFields';
import { CONSENT_SCOPES } from './partner-api';
import type { WorkerDraft } from './referral-draft';

/**
 * One referred worker: name, language, how to reach them, what they asked for, and their consent:
 * what the agency may tell the referring organization about the case (each scope ticked on the
 * worker's own word; none ticked, the organization hears nothing of it).
 */
export function WorkerFields({
  index,
  value,
  onChange,
  onRemove,
  error,
}: {
  index: number;
  value: WorkerDraft;
  onChange: (patch: Partial<WorkerDraft>) => void;
  /** Absent for the last one: a referral names at least one worker. */
  onRemove?: () => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const n = index + 1;
  const languageNames = useMemo(
    () => new Intl.DisplayNames([f.locale], { type: 'language', fallback: 'code' }),
    [f.locale],
  );
  return (
    <fieldset
      className="usa-fieldset border-1px border-base-lighter radius-md padding-2 margin-top-2"
      data-testid="referred-worker"
    >
      <legend className="usa-legend text-bold padding-x-1">{t('portal.form.worker.legend', { n })}</legend>
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-6">
          <Field label={t('portal.form.worker.name')} error={error('name')} required>
            <input
              className="usa-input"
              value={value.name}
              autoComplete="off"
              onChange={(e) => onChange({ name: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-6">
          <Field label={t('portal.form.worker.language')} error={error('preferredLanguage')} required>
            <select
              className="usa-select"
              value={value.preferredLanguage}
              onChange={(e) => onChange({ preferredLanguage: e.currentTarget.value })}
            >
              <option value="">{t('intake.choose')}</option>
              {COMMON_LANGUAGES.map((tag) => (
                <option key={tag} value={tag}>
                  {languageNames.of(tag)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-6">
          <Field label={t('portal.form.worker.phone')} error={error('phone')}>
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
          <Field label={t('portal.form.worker.email')} error={error('email')}>
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
      <Checkbox
        label={t('portal.form.worker.interpreter')}
        checked={value.interpreterNeeded}
        onChange={(v) => onChange({ interpreterNeeded: v })}
      />
      <Checkbox
        label={t('portal.form.worker.confidentiality')}
        description={t('portal.form.worker.confidentialityHint')}
        checked={value.confidentialityRequested}
        onChange={(v) => onChange({ confidentialityRequested: v })}
      />
      <fieldset className="usa-fieldset margin-top-2" data-testid="worker-consent-choice">
        <legend className="usa-legend text-bold">{t('portal.form.worker.consent', { n })}</legend>
        <p className="usa-hint margin-y-05">{t('portal.form.worker.consentHint')}</p>
        {error('consent.scopes') && (
          <span className="usa-error-message" role="alert">
            {error('consent.scopes')}
          </span>
        )}
        {CONSENT_SCOPES.map((s) => (
          <Checkbox
            key={s}
            label={t(`portal.consentScopes.${s}`)}
            description={t(`portal.consentScopeHints.${s}`)}
            checked={value.consent.includes(s)}
            onChange={(on) =>
              onChange({ consent: on ? [...value.consent, s] : value.consent.filter((x) => x !== s) })
            }
          />
        ))}
      </fieldset>
      {onRemove && (
        <button type="button" className="usa-button usa-button--unstyled margin-top-2" onClick={onRemove}>
          {t('portal.form.worker.remove', { n })}
        </button>
      )}
    </fieldset>
  );
}
