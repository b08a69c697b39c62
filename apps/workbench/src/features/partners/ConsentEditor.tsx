import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CONSENT_SCOPES, type ConsentScope, type WorkerConsent } from './partner-api';

/**
 * Each referred worker's consent as it stands (scopes and version), and the change a partner or
 * the liaison records on the worker's word: wider is a grant, narrower a narrowing, none a
 * revocation. Every change is sent with the referral's version (If-Match), so it cannot pass a
 * change someone else made meanwhile unseen. Workers are numbered in the order referred: the
 * referral's answer carries their ids, never their names.
 */
export function ConsentEditor({
  referralId,
  version,
  consents,
  mayChange,
  onChanged,
  staff = false,
}: {
  referralId: string;
  version: number;
  consents: WorkerConsent[];
  mayChange: boolean;
  onChanged: () => void;
  /** Agency staff read it about the referring organization; a partner user, about its own. */
  staff?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="consent-heading" className="margin-top-4">
      <h2 id="consent-heading">{t('portal.consent.heading')}</h2>
      <p className="usa-hint">{t(staff ? 'portal.consent.introStaff' : 'portal.consent.intro')}</p>
      {consents.map((c, i) => (
        <WorkerConsentForm
          key={c.workerId}
          n={i + 1}
          referralId={referralId}
          version={version}
          consent={c}
          mayChange={mayChange}
          onChanged={onChanged}
        />
      ))}
    </section>
  );
}

function WorkerConsentForm({
  n,
  referralId,
  version,
  consent,
  mayChange,
  onChanged,
}: {
  n: number;
  referralId: string;
  version: number;
  consent: WorkerConsent;
  mayChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [scopes, setScopes] = useState<ConsentScope[]>(consent.scopes);
  const change = useMutation({
    mutationFn: async (next: ConsentScope[]) =>
      ok(
        await api.POST('/api/v1/referrals/{id}/consent', {
          params: {
            path: { id: referralId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(version) },
          },
          body: { workerId: consent.workerId, scopes: next },
        }),
      ),
    onSuccess: onChanged,
  });
  const revoked = consent.scopes.length === 0;
  const unchanged =
    scopes.length === consent.scopes.length && scopes.every((s) => consent.scopes.includes(s));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(CONSENT_SCOPES.filter((s) => scopes.includes(s)));
  };
  const current = revoked
    ? t('portal.consent.revoked')
    : consent.scopes.map((s) => t(`portal.consentScopes.${s}`)).join(', ');
  return (
    <form
      className="usa-form maxw-none border-1px border-base-lighter radius-md padding-2 margin-top-2"
      onSubmit={submit}
      aria-labelledby={`consent-${n}`}
      data-testid="worker-consent"
      noValidate
    >
      <h3 id={`consent-${n}`} className="margin-top-0">
        {t('portal.consent.worker', { n })}
      </h3>
      <p className="margin-y-1">
        <span className={`usa-tag ${revoked ? 'bg-secondary-dark' : 'bg-primary'}`}>{current}</span>{' '}
        <span className="font-body-2xs text-base-dark">
          {t('portal.consent.version', { version: consent.version })}
        </span>
      </p>
      {change.isSuccess && (
        <Alert kind="success" slim>
          {t('portal.consent.saved')}
        </Alert>
      )}
      <ErrorAlert
        error={change.error}
        onReload={() => {
          change.reset();
          onChanged();
        }}
      />
      {mayChange && (
        <>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">{t('portal.consent.allows', { n })}</legend>
            {CONSENT_SCOPES.map((s) => (
              <Checkbox
                key={s}
                label={t(`portal.consentScopes.${s}`)}
                description={t(`portal.consentScopeHints.${s}`)}
                checked={scopes.includes(s)}
                onChange={(on) => setScopes((x) => (on ? [...x, s] : x.filter((y) => y !== s)))}
              />
            ))}
          </fieldset>
          <div className="usa-button-group margin-top-2">
            <button type="submit" className="usa-button" disabled={change.isPending || unchanged}>
              {t('portal.consent.save', { n })}
            </button>
            {!revoked && (
              <button
                type="button"
                className="usa-button usa-button--secondary"
                disabled={change.isPending}
                onClick={() => change.mutate([])}
              >
                {t('portal.consent.revoke', { n })}
              </button>
            )}
          </div>
        </>
      )}
    </form>
  );
}
