import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, idempotencyKey, ok } from '../../api/client';
import { ApiError, isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { NoAccess } from '../../app/NoAccess';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { dollarsToCents } from '../complaints/intake-draft';
import {
  AGREEMENT_SCOPES,
  AGREEMENT_TYPES,
  SHARING_LEVELS,
  usePartnerNames,
  type AgreementScope,
  type DraftAgreementBody,
} from './partner-api';

const DRAFT = 'POST /api/v1/agreements';

/**
 * Drafting an agreement: its parties, scope, how much of a referred case may be shared, the
 * funding, the term and the clauses (clause version 1). Signed afterwards, on its own page.
 */
export function DraftAgreementPage() {
  const { t } = useTranslation();
  const mayDraft = useMay(DRAFT);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { partners } = usePartnerNames(mayDraft);
  const [form, setForm] = useState({
    type: 'letter_of_arrangement' as DraftAgreementBody['type'],
    title: '',
    partnerIds: [] as string[],
    agencyParty: '',
    scope: ['referrals'] as AgreementScope[],
    sharingLevel: 'status' as DraftAgreementBody['sharingLevel'],
    funded: '',
    effectiveOn: '',
    expiresOn: '',
    clauseId: 'sharing',
    clauseTitle: '',
    clauseText: '',
  });
  const [clientError, setClientError] = useState<ApiError | null>(null);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((x) => ({ ...x, [k]: v }));
  const draft = useMutation({
    mutationFn: async (body: DraftAgreementBody) =>
      ok(
        await api.POST('/api/v1/agreements', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      await navigate(`/agreements/${result.id}`);
    },
  });
  if (!mayDraft) return <NoAccess />;
  const error: unknown = clientError ?? draft.error;
  const errors = isApiError(error) ? error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = form.funded.trim() === '' ? undefined : dollarsToCents(form.funded);
    if (cents === null) {
      setClientError(
        new ApiError(
          400,
          { errors: [{ path: 'fundedAmountCents', message: t('intake.errors.amount') }] },
          DRAFT,
        ),
      );
      return;
    }
    setClientError(null);
    draft.mutate({
      type: form.type,
      title: form.title.trim(),
      partnerIds: form.partnerIds,
      agencyParty: form.agencyParty.trim(),
      scope: form.scope,
      sharingLevel: form.sharingLevel,
      ...(cents === undefined ? {} : { fundedAmountCents: cents }),
      effectiveOn: form.effectiveOn,
      expiresOn: form.expiresOn,
      clauses: [
        { clauseId: form.clauseId.trim(), title: form.clauseTitle.trim(), text: form.clauseText.trim() },
      ],
    });
  };
  const input = (
    k: 'title' | 'agencyParty' | 'funded' | 'effectiveOn' | 'expiresOn' | 'clauseId' | 'clauseTitle',
    type = 'text',
  ) => (
    <input
      className="usa-input"
      type={type}
      value={form[k]}
      autoComplete="off"
      onChange={(e) => set(k, e.currentTarget.value)}
    />
  );
  return (
    <>
      <PageTitle subtitle={t('partners.draft.subtitle')}>{t('partners.draft.title')}</PageTitle>
      <ErrorAlert error={error} />
      <form
        className="usa-form usa-form--large"
        noValidate
        onSubmit={submit}
        aria-label={t('partners.draft.title')}
      >
        <Field label={t('partners.draft.type')} error={errors.type} required>
          <select
            className="usa-select"
            value={form.type}
            onChange={(e) => set('type', e.currentTarget.value as typeof form.type)}
          >
            {AGREEMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`partners.agreementTypes.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('partners.draft.agreementTitle')} error={errors.title} required>
          {input('title')}
        </Field>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('partners.draft.partners')}</legend>
          {errors.partnerIds && (
            <span className="usa-error-message" role="alert">
              {errors.partnerIds}
            </span>
          )}
          {partners.map((p) => (
            <Checkbox
              key={p.id}
              label={p.name}
              checked={form.partnerIds.includes(p.id)}
              onChange={(on) =>
                set('partnerIds', on ? [...form.partnerIds, p.id] : form.partnerIds.filter((x) => x !== p.id))
              }
            />
          ))}
        </fieldset>
        <Field
          label={t('partners.draft.agencyParty')}
          hint={t('partners.draft.agencyPartyHint')}
          error={errors.agencyParty}
          required
        >
          {input('agencyParty')}
        </Field>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('partners.draft.scope')}</legend>
          {AGREEMENT_SCOPES.map((s) => (
            <Checkbox
              key={s}
              label={t(`partners.scopes.${s}`)}
              checked={form.scope.includes(s)}
              onChange={(on) => set('scope', on ? [...form.scope, s] : form.scope.filter((x) => x !== s))}
            />
          ))}
        </fieldset>
        <Field
          label={t('partners.draft.sharingLevel')}
          hint={t('partners.draft.sharingLevelHint')}
          error={errors.sharingLevel}
          required
        >
          <select
            className="usa-select"
            value={form.sharingLevel}
            onChange={(e) => set('sharingLevel', e.currentTarget.value as typeof form.sharingLevel)}
          >
            {SHARING_LEVELS.map((s) => (
              <option key={s} value={s}>
                {t(`partners.sharingLevels.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('partners.draft.funded')}
          hint={t('partners.draft.fundedHint')}
          error={errors.fundedAmountCents}
        >
          {input('funded')}
        </Field>
        <Field label={t('partners.draft.effectiveOn')} error={errors.effectiveOn} required>
          {input('effectiveOn', 'date')}
        </Field>
        <Field label={t('partners.draft.expiresOn')} error={errors.expiresOn} required>
          {input('expiresOn', 'date')}
        </Field>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('partners.draft.clause')}</legend>
          <Field
            label={t('partners.draft.clauseId')}
            hint={t('partners.draft.clauseIdHint')}
            error={errors['clauses.0.clauseId']}
            required
          >
            {input('clauseId')}
          </Field>
          <Field label={t('partners.draft.clauseTitle')} error={errors['clauses.0.title']} required>
            {input('clauseTitle')}
          </Field>
          <Field label={t('partners.draft.clauseText')} error={errors['clauses.0.text']} required>
            <textarea
              className="usa-textarea"
              rows={4}
              value={form.clauseText}
              onChange={(e) => set('clauseText', e.currentTarget.value)}
            />
          </Field>
        </fieldset>
        <button type="submit" className="usa-button margin-top-3" disabled={draft.isPending}>
          {t('partners.draft.submit')}
        </button>
      </form>
    </>
  );
}
