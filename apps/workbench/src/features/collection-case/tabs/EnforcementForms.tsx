import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionForm } from '../../case-file/ActionForm';
import { useCollectionAction, useCollectionRefresh } from '../collection-data';
import { parseDollars } from '../money-input';
import { ChoiceField, fieldErrors, present, TextField, useDebtorName } from '../parts';
import type { CollectionTabProps } from './index';

const ESCALATION_KINDS = [
  'lien',
  'levy',
  'stop_work_order',
  'license_hold',
  'bond_claim',
  'prosecution_referral',
  'publication',
] as const;
const ORDER_KINDS = ['administrative_order', 'consent_order', 'court_order'] as const;

const moneyError = (t: (k: 'collectionCase.money.invalid') => string, typed: string) =>
  typed && parseDollars(typed) === undefined ? t('collectionCase.money.invalid') : undefined;

export function EscalationForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const debtorName = useDebtorName(view);
  const [kind, setKind] = useState('');
  const [debtorId, setDebtorId] = useState('');
  const [reference, setReference] = useState('');
  const [details, setDetails] = useState('');
  const [done, setDone] = useState<string>();
  const escalate = useCollectionAction(caseId, '/api/v1/collections/{caseId}/escalations', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(escalate.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    escalate.mutate(
      present({
        kind: kind as (typeof ESCALATION_KINDS)[number],
        debtorId,
        reference: reference.trim(),
        details: details.trim(),
      }),
      { onSuccess: () => setDone(t('collectionCase.enforcement.escalated')) },
    );
  };
  return (
    <ActionForm
      id="escalation"
      heading={t('collectionCase.enforcement.escalationHeading')}
      done={done}
      error={escalate.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.enforcement.escalationSubmit')}
      busy={escalate.isPending}
    >
      <ChoiceField
        label={t('collectionCase.enforcement.kind')}
        values={ESCALATION_KINDS}
        labelOf={(v) => t(`collectionCase.escalationKinds.${v}` as 'collectionCase.escalationKinds.lien')}
        value={kind}
        onChange={setKind}
        error={errors.kind}
        required
      />
      <ChoiceField
        label={t('collectionCase.payments.debtor')}
        values={view.debtors.map((d) => d.debtorId)}
        labelOf={debtorName}
        value={debtorId}
        onChange={setDebtorId}
        error={errors.debtorId}
        required
      />
      <TextField
        label={t('collectionCase.enforcement.reference')}
        value={reference}
        onChange={setReference}
        error={errors.reference}
      />
      <TextField
        label={t('collectionCase.enforcement.details')}
        hint={t('collectionCase.enforcement.detailsHint')}
        value={details}
        onChange={setDetails}
        error={errors.details}
        multiline
      />
    </ActionForm>
  );
}

export function OrderForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [amount, setAmount] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [issuer, setIssuer] = useState('');
  const [done, setDone] = useState<string>();
  const order = useCollectionAction(caseId, '/api/v1/collections/{caseId}/orders', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(order.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    order.mutate(
      present({
        kind: kind as (typeof ORDER_KINDS)[number],
        amountCents: parseDollars(amount) ?? 0,
        dueOn,
        issuer: issuer.trim(),
      }),
      { onSuccess: () => setDone(t('collectionCase.enforcement.ordered')) },
    );
  };
  return (
    <ActionForm
      id="order"
      heading={t('collectionCase.enforcement.orderHeading')}
      done={done}
      error={order.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.enforcement.orderSubmit')}
      busy={order.isPending}
    >
      <ChoiceField
        label={t('collectionCase.enforcement.kind')}
        values={ORDER_KINDS}
        labelOf={(v) => t(`collectionCase.orderKinds.${v}` as 'collectionCase.orderKinds.court_order')}
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
        error={errors.amountCents ?? moneyError(t, amount)}
        required
      />
      <TextField
        label={t('collectionCase.enforcement.dueOn')}
        type="date"
        value={dueOn}
        onChange={setDueOn}
        error={errors.dueOn}
        required
      />
      <TextField
        label={t('collectionCase.enforcement.issuer')}
        value={issuer}
        onChange={setIssuer}
        error={errors.issuer}
      />
    </ActionForm>
  );
}

export function JudgmentForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [court, setCourt] = useState('');
  const [docket, setDocket] = useState('');
  const [amount, setAmount] = useState('');
  const [rate, setRate] = useState('');
  const judgment = useCollectionAction(caseId, '/api/v1/collections/{caseId}/judgments', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(judgment.error);
  const basisPoints = /^\d{1,3}(\.\d{1,2})?$/.test(rate.trim())
    ? Math.round(Number(rate.trim()) * 100)
    : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    judgment.mutate({
      court: court.trim(),
      docketNumber: docket.trim(),
      amountCents: parseDollars(amount) ?? 0,
      interestRateBasisPoints: basisPoints ?? -1,
    });
  };
  return (
    <ActionForm
      id="judgment"
      heading={t('collectionCase.enforcement.judgmentFormHeading')}
      error={judgment.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.enforcement.judgmentSubmit')}
      busy={judgment.isPending}
    >
      <TextField
        label={t('collectionCase.enforcement.court')}
        value={court}
        onChange={setCourt}
        error={errors.court}
        required
      />
      <TextField
        label={t('collectionCase.enforcement.docket')}
        value={docket}
        onChange={setDocket}
        error={errors.docketNumber}
        required
      />
      <TextField
        label={t('collectionCase.amount')}
        type="money"
        value={amount}
        onChange={setAmount}
        error={errors.amountCents ?? moneyError(t, amount)}
        required
      />
      <TextField
        label={t('collectionCase.enforcement.rate')}
        hint={t('collectionCase.enforcement.rateHint')}
        value={rate}
        onChange={setRate}
        error={
          errors.interestRateBasisPoints ??
          (rate && basisPoints === undefined ? t('collectionCase.enforcement.rateInvalid') : undefined)
        }
        required
      />
    </ActionForm>
  );
}
