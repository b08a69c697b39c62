import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/Alert';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { Outstanding, Share } from '../allocation';
import { AllocationPreview } from '../AllocationPreview';
import { useCollectionAction, useCollectionRefresh, useLedger } from '../collection-data';
import { parseDollars } from '../money-input';
import { ChoiceField, fieldErrors, present, TextField, useDebtorName, useWorkerName } from '../parts';
import type { CollectionTabProps } from './index';

const METHODS = [
  'check',
  'cashiers_check',
  'money_order',
  'ach',
  'wire',
  'card',
  'levy_proceeds',
  'bond_proceeds',
  'other',
] as const;

interface Review {
  debtorId: string;
  amountCents: number;
  outstanding: Outstanding[];
}

/**
 * A payment from one of the debtors, in two steps: the officer enters it and reviews how it will
 * be split across the workers (each worker's balance and share), then confirms. After recording,
 * the split collections wrote is shown beside the one previewed.
 */
export function RecordPayment({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [debtorId, setDebtorId] = useState('');
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [method, setMethod] = useState('');
  const [reference, setReference] = useState('');
  const [review, setReview] = useState<Review>();
  const [recorded, setRecorded] = useState<{ review: Review; shares: Share[] }>();
  const ledger = useLedger(caseId);
  const pay = useCollectionAction(caseId, '/api/v1/collections/{caseId}/payments', view.version);
  const refresh = useCollectionRefresh(caseId);
  const debtorName = useDebtorName(view);
  const workerName = useWorkerName(view);
  const errors = fieldErrors(pay.error);
  const amountCents = parseDollars(amount);
  const missing = {
    debtorId: !debtorId ? t('collectionCase.required') : undefined,
    amount: amountCents === undefined || amountCents <= 0 ? t('collectionCase.money.invalid') : undefined,
    method: !method ? t('collectionCase.required') : undefined,
  };
  const [tried, setTried] = useState(false);
  const startReview = () => {
    setTried(true);
    setRecorded(undefined);
    if (missing.debtorId || missing.amount || missing.method || !ledger.data || amountCents === undefined)
      return;
    setReview({
      debtorId,
      amountCents,
      outstanding: ledger.data.workers.map((w) => ({
        workerId: w.workerId,
        outstandingCents: w.outstandingCents,
      })),
    });
  };
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!review) return startReview();
    const body = present({
      debtorId: review.debtorId,
      amountCents: review.amountCents,
      receivedOn,
      method: method as (typeof METHODS)[number],
      reference: reference.trim(),
    });
    pay.mutate(body, {
      onSuccess: (result) => {
        const payment = result.recorded.find((x) => x.type === 'PaymentReceived');
        setRecorded({ review, shares: (payment?.data.allocations ?? []) as Share[] });
        setReview(undefined);
        setTried(false);
        setAmount('');
        setReference('');
      },
    });
  };
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setReview(undefined);
  };
  return (
    <form
      className="usa-form usa-form--large margin-top-4"
      onSubmit={confirm}
      aria-labelledby="record-payment-heading"
      noValidate
    >
      <h3 id="record-payment-heading">{t('collectionCase.payments.recordHeading')}</h3>
      {recorded && (
        <Alert kind="success" heading={t('collectionCase.payments.recorded')} headingLevel="h4">
          <AllocationPreview
            amountCents={recorded.review.amountCents}
            debtorName={debtorName(recorded.review.debtorId)}
            outstanding={recorded.review.outstanding}
            workerName={workerName}
            recorded={recorded.shares}
          />
        </Alert>
      )}
      <ErrorAlert error={pay.error ?? ledger.error} onReload={refresh} />
      <ChoiceField
        label={t('collectionCase.payments.debtor')}
        values={view.debtors.map((d) => d.debtorId)}
        labelOf={debtorName}
        value={debtorId}
        onChange={edit(setDebtorId)}
        error={errors.debtorId ?? (tried ? missing.debtorId : undefined)}
        required
      />
      <TextField
        label={t('collectionCase.amount')}
        type="money"
        value={amount}
        onChange={edit(setAmount)}
        error={errors.amountCents ?? (tried || amount ? missing.amount : undefined)}
        required
      />
      <TextField
        label={t('collectionCase.payments.receivedOn')}
        hint={t('collectionCase.todayHint')}
        type="date"
        value={receivedOn}
        onChange={edit(setReceivedOn)}
        error={errors.receivedOn}
      />
      <ChoiceField
        label={t('collectionCase.payments.method')}
        values={METHODS}
        labelOf={(v) => t(`collectionCase.paymentMethods.${v}` as 'collectionCase.paymentMethods.check')}
        value={method}
        onChange={edit(setMethod)}
        error={errors.method ?? (tried ? missing.method : undefined)}
        required
      />
      <TextField
        label={t('collectionCase.payments.reference')}
        hint={t('collectionCase.payments.referenceHint')}
        value={reference}
        onChange={setReference}
        error={errors.reference}
      />
      {review ? (
        <>
          <h4>{t('collectionCase.payments.reviewHeading')}</h4>
          <AllocationPreview
            amountCents={review.amountCents}
            debtorName={debtorName(review.debtorId)}
            outstanding={review.outstanding}
            workerName={workerName}
          />
          <button type="submit" className="usa-button margin-top-2" disabled={pay.isPending}>
            {t('collectionCase.payments.confirm')}
          </button>
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-2"
            onClick={() => setReview(undefined)}
          >
            {t('collectionCase.payments.change')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="usa-button margin-top-3"
          onClick={startReview}
          // Never preview against balances about to change (the ledger is re-read after a payment).
          disabled={ledger.isFetching}
        >
          {t('collectionCase.payments.review')}
        </button>
      )}
    </form>
  );
}
