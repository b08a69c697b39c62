import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ActionForm } from '../../case-file/ActionForm';
import { useCollectionAction, useCollectionRefresh, type Payment } from '../collection-data';
import {
  ChoiceField,
  fieldErrors,
  present,
  TextField,
  useDebtorName,
  useMayAct,
  useWorkerName,
} from '../parts';
import { RecordPayment } from './RecordPayment';
import type { CollectionTabProps } from './index';

const REVERSAL_REASONS = [
  'insufficient_funds',
  'stop_payment',
  'chargeback',
  'entered_in_error',
  'other',
] as const;

/** Payments received, each with its split across the workers; record one, or reverse one that bounced. */
export function PaymentsTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const debtorName = useDebtorName(view);
  const workerName = useWorkerName(view);
  const mayPay = useMayAct('payments', view);
  const mayReverse = useMayAct('payment-reversals', view);
  const [reversing, setReversing] = useState<Payment>();
  return (
    <>
      <table className="usa-table usa-table--borderless">
        <caption>{t('collectionCase.payments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.payments.receivedOn')}</th>
            <th scope="col">{t('collectionCase.payments.debtor')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.amount')}
            </th>
            <th scope="col">{t('collectionCase.payments.method')}</th>
            <th scope="col">{t('collectionCase.payments.split')}</th>
            <th scope="col">{t('collectionCase.settlement.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.payments.length === 0 && (
            <tr>
              <td colSpan={6}>{t('collectionCase.payments.none')}</td>
            </tr>
          )}
          {view.payments.map((p) => (
            <tr key={p.paymentId} data-testid="payment-row">
              <td>{f.date(p.receivedOn)}</td>
              <td>{debtorName(p.debtorId)}</td>
              <td className="workbench-numeric">
                {p.reversed ? <del>{f.money(p.amountCents)}</del> : f.money(p.amountCents)}
                {p.reversed && <div className="font-body-3xs">{t('collectionCase.payments.reversed')}</div>}
              </td>
              <td>
                {t(`collectionCase.paymentMethods.${p.method}` as 'collectionCase.paymentMethods.check')}
                {p.reference && <div className="font-body-3xs text-base-dark">{p.reference}</div>}
              </td>
              <td>
                <ul className="usa-list usa-list--unstyled">
                  {p.allocations.map((a) => (
                    <li key={a.workerId}>
                      {workerName(a.workerId)}: {f.money(a.amountCents)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {mayReverse && !p.reversed && (
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    onClick={() => setReversing(p)}
                  >
                    {t('collectionCase.payments.reverse', {
                      date: f.date(p.receivedOn),
                      amount: f.money(p.amountCents),
                    })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reversing && mayReverse && (
        <ReverseForm
          key={reversing.paymentId}
          caseId={caseId}
          view={view}
          payment={reversing}
          onDone={() => setReversing(undefined)}
        />
      )}
      {mayPay && <RecordPayment caseId={caseId} view={view} />}
    </>
  );
}

/** A payment that did not clear: its split is undone exactly. */
function ReverseForm({
  caseId,
  view,
  payment,
  onDone,
}: CollectionTabProps & { payment: Payment; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const reverse = useCollectionAction(caseId, '/api/v1/collections/{caseId}/payment-reversals', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(reverse.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reverse.mutate(
      present({
        paymentId: payment.paymentId,
        reason: reason as (typeof REVERSAL_REASONS)[number],
        note: note.trim(),
      }),
      { onSuccess: onDone },
    );
  };
  return (
    <ActionForm
      id="reverse-payment"
      heading={t('collectionCase.payments.reverseHeading', {
        date: f.date(payment.receivedOn),
        amount: f.money(payment.amountCents),
      })}
      error={reverse.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.payments.reverseSubmit')}
      busy={reverse.isPending}
    >
      <ChoiceField
        label={t('collectionCase.payments.reverseReason')}
        values={REVERSAL_REASONS}
        labelOf={(v) => t(`collectionCase.reversalReasons.${v}` as 'collectionCase.reversalReasons.other')}
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
