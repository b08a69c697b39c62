import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import type { InvestigationView } from '../../case-file-tab';
import type { Evidence, Letter } from '../../investigation';

const today = () => new Date().toISOString().slice(0, 10);

/** A supervisor signs and issues a requested letter, optionally citing the evidence it rests on. */
export function IssueLetter({
  caseId,
  investigation,
  letter,
  workerLabel,
  evidence,
  refresh,
  close,
}: {
  caseId: string;
  investigation: InvestigationView;
  letter: Letter;
  workerLabel: string;
  evidence: Evidence[];
  refresh: () => void;
  close: () => void;
}) {
  const { t } = useTranslation();
  const [issuedOn, setIssuedOn] = useState(today());
  const [evidenceId, setEvidenceId] = useState('');
  const issue = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/immigration-letters', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
          },
          body: { letterId: letter.letterId, issuedOn, ...(evidenceId ? { evidenceId } : {}) },
        }),
      ),
    onSuccess: () => {
      close();
      refresh();
    },
  });
  const errors = isApiError(issue.error) ? issue.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate();
  };
  return (
    <form
      className="usa-form usa-form--large margin-top-3 border-1px border-base-lighter padding-2 radius-md"
      onSubmit={submit}
      aria-labelledby="letter-issue-heading"
    >
      <h3 id="letter-issue-heading" className="margin-top-0">
        {t('letters.issue.heading', { worker: workerLabel })}
      </h3>
      <p className="usa-hint">{t('letters.issue.body')}</p>
      <ErrorAlert
        error={issue.error}
        onReload={() => {
          issue.reset();
          refresh();
        }}
      />
      <Field label={t('letters.issue.issuedOn')} error={errors.issuedOn} required>
        <input
          type="date"
          className="usa-input usa-input--medium"
          name="issuedOn"
          value={issuedOn}
          onChange={(e) => setIssuedOn(e.target.value)}
        />
      </Field>
      <Field
        label={t('letters.issue.evidence')}
        hint={t('letters.issue.evidenceHint')}
        error={errors.evidenceId}
      >
        <select
          className="usa-select"
          name="evidenceId"
          value={evidenceId}
          onChange={(e) => setEvidenceId(e.target.value)}
        >
          <option value="">{t('letters.issue.noEvidence')}</option>
          {evidence.map((x) => (
            <option key={x.evidenceId} value={x.evidenceId}>
              {x.fileName ?? x.sha256.slice(0, 16)}
            </option>
          ))}
        </select>
      </Field>
      <div className="margin-top-2">
        <button type="submit" className="usa-button" disabled={issue.isPending}>
          {issue.isPending ? t('caseFile.saving') : t('letters.issue.submit')}
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
