import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { CHANNELS, REFERRAL_CHANNELS } from './complaint-types';
import type { IntakeDraft } from './intake-draft';

/** How the complaint came in: channel, office, when, and a referral's id. */
export function SourceFields({
  draft,
  set,
  err,
}: {
  draft: IntakeDraft;
  set: (patch: Partial<IntakeDraft>) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const isReferral = draft.channel !== '' && REFERRAL_CHANNELS.includes(draft.channel);
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend font-sans-lg text-bold">{t('intake.source.legend')}</legend>
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-4">
          <Field label={t('intake.source.channel')} error={err('channel')} required>
            <select
              className="usa-select"
              value={draft.channel}
              onChange={(e) => set({ channel: e.currentTarget.value as IntakeDraft['channel'] })}
            >
              <option value="">{t('intake.choose')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`intake.channels.${c}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <Field
            label={t('intake.source.office')}
            hint={t('intake.source.officeHint')}
            error={err('office')}
            required
          >
            <input
              className="usa-input"
              value={draft.office}
              autoComplete="off"
              onChange={(e) => set({ office: e.currentTarget.value })}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <Field
            label={t('intake.source.receivedAt')}
            hint={t('intake.source.receivedAtHint')}
            error={err('receivedAt')}
          >
            <input
              className="usa-input"
              type="datetime-local"
              value={draft.receivedAt}
              onChange={(e) => set({ receivedAt: e.currentTarget.value })}
            />
          </Field>
        </div>
      </div>
      {isReferral && (
        <Field
          label={t('intake.source.referralId')}
          hint={t('intake.source.referralIdHint')}
          error={err('referralId')}
          required={draft.channel === 'partner_referral'}
        >
          <input
            className="usa-input usa-input--xl"
            value={draft.referralId}
            autoComplete="off"
            onChange={(e) => set({ referralId: e.currentTarget.value })}
          />
        </Field>
      )}
    </fieldset>
  );
}
