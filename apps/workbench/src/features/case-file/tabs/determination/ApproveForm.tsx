import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import { errorFor } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { header } from './determination-parts';

/** A supervisor who did not propose it approves the proposal, with an optional note. */
export function ApproveForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: InvestigationView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const determinationId = view.determination?.proposal.determinationId ?? '';
  const approve = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/determination/approval', {
          params: { path: { caseId }, header: header(view) },
          body: { determinationId, ...(note.trim() ? { note } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  const errors = isApiError(approve.error) ? approve.error.fieldErrors() : {};
  return (
    <form
      className="usa-form maxw-tablet-lg"
      onSubmit={(e) => {
        e.preventDefault();
        approve.mutate();
      }}
      aria-labelledby="approve-heading"
      noValidate
    >
      <h3 id="approve-heading">{t('determination.approve.heading')}</h3>
      <p>{t('determination.approve.body', { proposer: view.determination?.proposal.proposedBy })}</p>
      <ErrorAlert error={approve.error} onReload={onDone} />
      <Field
        label={t('determination.approve.note')}
        hint={t('determination.approve.noteHint')}
        error={errorFor(errors, 'note')}
      >
        <textarea
          className="usa-textarea"
          value={note}
          maxLength={4000}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </Field>
      <button type="submit" className="usa-button margin-top-2" disabled={approve.isPending}>
        {t('determination.approve.submit')}
      </button>
    </form>
  );
}
