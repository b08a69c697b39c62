import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionForm } from '../../case-file/ActionForm';
import { useCollectionAction, useCollectionRefresh } from '../collection-data';
import { ChoiceField, fieldErrors, present, TextField } from '../parts';
import { may } from '../../../auth/may';
import { useSession } from '../../../auth/session';
import type { CollectionTabProps } from './index';

const CLOSE_REASONS = ['paid_in_full', 'compromised', 'written_off', 'vacated', 'other'] as const;
const REOPEN_REASONS = ['late_payment', 'bounced_check', 'other'] as const;

/** Close an open case (nothing is accepted after); a supervisor reopens a closed one, saying why. */
export function CloseReopen({ caseId, view }: CollectionTabProps) {
  const role = useSession()?.actor.role;
  if (view.status === 'open' && may(role, 'POST /api/v1/collections/{caseId}/close'))
    return <CloseForm caseId={caseId} view={view} />;
  if (view.status === 'closed' && may(role, 'POST /api/v1/collections/{caseId}/reopening'))
    return <ReopenForm caseId={caseId} view={view} />;
  return null;
}

function CloseForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const close = useCollectionAction(caseId, '/api/v1/collections/{caseId}/close', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(close.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    close.mutate(present({ reason: reason as (typeof CLOSE_REASONS)[number], note: note.trim() }));
  };
  return (
    <ActionForm
      id="close-case"
      heading={t('collectionCase.close.heading')}
      error={close.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.close.submit')}
      busy={close.isPending}
    >
      <ChoiceField
        label={t('collectionCase.close.reason')}
        values={CLOSE_REASONS}
        labelOf={(v) => t(`collectionCase.closeReasons.${v}` as 'collectionCase.closeReasons.other')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        required
      />
      <TextField
        label={t('collectionCase.note')}
        value={note}
        onChange={setNote}
        error={errors.note}
        multiline
      />
    </ActionForm>
  );
}

function ReopenForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const reopen = useCollectionAction(caseId, '/api/v1/collections/{caseId}/reopening', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(reopen.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reopen.mutate({ reason: reason as (typeof REOPEN_REASONS)[number], note: note.trim() });
  };
  return (
    <ActionForm
      id="reopen-case"
      heading={t('collectionCase.reopen.heading')}
      error={reopen.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.reopen.submit')}
      busy={reopen.isPending}
    >
      <ChoiceField
        label={t('collectionCase.reopen.reason')}
        values={REOPEN_REASONS}
        labelOf={(v) => t(`collectionCase.reopenReasons.${v}` as 'collectionCase.reopenReasons.other')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        required
      />
      <TextField
        label={t('collectionCase.reopen.note')}
        value={note}
        onChange={setNote}
        error={errors.note}
        required
        multiline
      />
    </ActionForm>
  );
}
