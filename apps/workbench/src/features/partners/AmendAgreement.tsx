import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import type { paths } from '../../api/schema';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { ActionForm } from '../case-file/ActionForm';
import { Field } from '../../ui/Field';
import { SHARING_LEVELS, type AgreementView, type SharingLevel } from './partner-api';

type Changes =
  paths['/api/v1/agreements/{id}/amendments']['post']['requestBody']['content']['application/json']['changes'];

/**
 * An amendment: the next clause version. The form starts from the terms as they stand; only
 * what the liaison changed is sent (each part present replaces that part), with a summary.
 */
export function AmendAgreement({ agreement, refresh }: { agreement: AgreementView; refresh: () => void }) {
  const { t } = useTranslation();
  const mayAmend = useMay('POST /api/v1/agreements/{id}/amendments');
  const [sharingLevel, setSharingLevel] = useState<SharingLevel>(agreement.sharingLevel);
  const [expiresOn, setExpiresOn] = useState(agreement.expiresOn);
  const [texts, setTexts] = useState(agreement.clauses.map((c) => c.text));
  const [summary, setSummary] = useState('');
  const amend = useMutation({
    mutationFn: async (changes: Changes) =>
      ok(
        await api.POST('/api/v1/agreements/{id}/amendments', {
          params: {
            path: { id: agreement.id },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(agreement.version) },
          },
          body: { changes, summary: summary.trim() },
        }),
      ),
    onSuccess: () => {
      setSummary('');
      refresh();
    },
  });
  if (!mayAmend) return null;
  const errors = isApiError(amend.error) ? amend.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changes: Changes = {};
    if (sharingLevel !== agreement.sharingLevel) changes.sharingLevel = sharingLevel;
    if (expiresOn !== agreement.expiresOn) changes.expiresOn = expiresOn;
    if (texts.some((text, i) => text !== agreement.clauses[i]?.text))
      changes.clauses = agreement.clauses.map((c, i) => ({ ...c, text: texts[i] ?? c.text }));
    amend.mutate(changes);
  };
  return (
    <ActionForm
      id="amend-agreement"
      heading={t('partners.actions.amend.heading', { version: agreement.clauseVersion + 1 })}
      done={amend.isSuccess ? t('partners.actions.amend.done') : undefined}
      error={amend.error}
      onReload={() => {
        amend.reset();
        refresh();
      }}
      onSubmit={submit}
      submitLabel={t('partners.actions.amend.submit')}
      busy={amend.isPending}
    >
      <Field label={t('partners.actions.amend.sharingLevel')} error={errors['changes.sharingLevel']}>
        <select
          className="usa-select"
          value={sharingLevel}
          onChange={(e) => setSharingLevel(e.currentTarget.value as SharingLevel)}
        >
          {SHARING_LEVELS.map((s) => (
            <option key={s} value={s}>
              {t(`partners.sharingLevels.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('partners.actions.amend.expiresOn')} error={errors['changes.expiresOn']}>
        <input
          className="usa-input"
          type="date"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.currentTarget.value)}
        />
      </Field>
      {agreement.clauses.map((c, i) => (
        <Field
          key={c.clauseId}
          label={t('partners.actions.amend.clause', { id: c.clauseId, title: c.title })}
          error={errors[`changes.clauses.${i}.text`]}
        >
          <textarea
            className="usa-textarea"
            rows={3}
            value={texts[i]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setTexts((x) => x.map((old, j) => (j === i ? v : old)));
            }}
          />
        </Field>
      ))}
      <Field
        label={t('partners.actions.amend.summary')}
        hint={t('partners.actions.amend.summaryHint')}
        error={errors.summary}
        required
      >
        <textarea
          className="usa-textarea"
          rows={2}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
      </Field>
    </ActionForm>
  );
}
