import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ActionForm } from '../../case-file/ActionForm';
import { useCollectionAction, useCollectionRefresh, type Offer } from '../collection-data';
import { parseDollars } from '../money-input';
import { ChoiceField, fieldErrors, TextField } from '../parts';
import type { CollectionTabProps } from './index';

/**
 * A supervisor approves an offer as the settlement: its amount and schedule become the agreement
 * and the payment plan. For less than the balance, the difference is compromised: the reason is
 * asked for before sending (the service refuses it without one).
 */
export function ApproveForm({ caseId, view, offer }: CollectionTabProps & { offer: Offer }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [reason, setReason] = useState('');
  const agree = useCollectionAction(caseId, '/api/v1/collections/{caseId}/settlement', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(agree.error);
  const reduction = view.totals.outstandingCents - offer.amountCents;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    agree.mutate({
      acceptedOfferId: offer.offerId,
      amountCents: offer.amountCents,
      installments: offer.installments.map(({ dueOn, amountCents }) => ({ dueOn, amountCents })),
      nonMonetaryTerms: offer.nonMonetaryTerms,
      ...(reduction > 0 ? { compromiseReason: reason.trim() } : {}),
    });
  };
  return (
    <ActionForm
      id="approve-settlement"
      heading={t('collectionCase.settlement.approveHeading')}
      error={agree.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.settlement.approveSubmit')}
      busy={agree.isPending}
    >
      <p>
        {t('collectionCase.settlement.approveBody', {
          amount: f.money(offer.amountCents),
          count: offer.installments.length,
          first: f.date(offer.installments[0]?.dueOn),
        })}
      </p>
      {reduction > 0 && (
        <TextField
          label={t('collectionCase.settlement.compromiseReason')}
          hint={t('collectionCase.settlement.compromiseHint', { amount: f.money(reduction) })}
          value={reason}
          onChange={setReason}
          error={errors.compromiseReason}
          required
          multiline
        />
      )}
    </ActionForm>
  );
}

const COMPROMISE_KINDS = ['compromise', 'write_off'] as const;

/** A supervisor reduces what is owed (a compromise, or a write-off), split across the workers. */
export function CompromiseForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  const compromise = useCollectionAction(caseId, '/api/v1/collections/{caseId}/compromises', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(compromise.error);
  const amountCents = parseDollars(amount);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    compromise.mutate(
      {
        kind: kind as (typeof COMPROMISE_KINDS)[number],
        amountCents: amountCents ?? 0,
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          setDone(t('collectionCase.compromise.done'));
          setAmount('');
          setReason('');
        },
      },
    );
  };
  return (
    <ActionForm
      id="compromise"
      heading={t('collectionCase.compromise.heading')}
      done={done}
      error={compromise.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.compromise.submit')}
      busy={compromise.isPending}
    >
      <ChoiceField
        label={t('collectionCase.compromise.kind')}
        values={COMPROMISE_KINDS}
        labelOf={(v) =>
          t(`collectionCase.compromise.kinds.${v}` as 'collectionCase.compromise.kinds.compromise')
        }
        value={kind}
        onChange={setKind}
        error={errors.kind}
        required
      />
      <TextField
        label={t('collectionCase.amount')}
        type="money"
        value={amount}
        onChange={setAmount}
        error={
          errors.amountCents ??
          (amount && amountCents === undefined ? t('collectionCase.money.invalid') : undefined)
        }
        required
      />
      <TextField
        label={t('collectionCase.compromise.reason')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        required
        multiline
      />
    </ActionForm>
  );
}
