import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ActionForm } from '../../case-file/ActionForm';
import { useCollectionAction, useCollectionRefresh, type Ledger } from '../collection-data';
import { parseDollars } from '../money-input';
import { ChoiceField, fieldErrors, present, TextField, useWorkerName } from '../parts';
import type { CollectionTabProps } from './index';

const METHODS = ['check', 'direct_deposit', 'prepaid_card', 'other'] as const;

/** Pays a worker what was collected for them (all of it unless an amount is given). */
export function DisburseForm({ caseId, view, workers }: CollectionTabProps & { workers: Ledger['workers'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const workerName = useWorkerName(view);
  const [workerId, setWorkerId] = useState('');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState('');
  const [reference, setReference] = useState('');
  const [done, setDone] = useState<string>();
  const disburse = useCollectionAction(caseId, '/api/v1/collections/{caseId}/disbursements', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(disburse.error);
  const payable = workers.filter((w) => w.undisbursedCents > 0 && !view.unlocatedSince[w.workerId]);
  const chosen = workers.find((w) => w.workerId === workerId);
  const amountCents = amount.trim() ? parseDollars(amount) : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    disburse.mutate(
      present({
        workerId,
        amountCents: amount.trim() ? (amountCents ?? 0) : undefined,
        method: method as (typeof METHODS)[number],
        reference: reference.trim(),
      }),
      {
        onSuccess: (result) => {
          const paid = result.recorded.find((x) => x.type === 'DisbursementIssued')?.data.amountCents as
            number | undefined;
          setDone(
            t('collectionCase.disbursements.done', { name: workerName(workerId), amount: f.money(paid) }),
          );
          setWorkerId('');
          setAmount('');
          setReference('');
        },
      },
    );
  };
  return (
    <ActionForm
      id="disburse"
      heading={t('collectionCase.disbursements.heading')}
      done={done}
      error={disburse.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.disbursements.submit')}
      busy={disburse.isPending}
    >
      {payable.length === 0 && <p>{t('collectionCase.disbursements.nothingToPay')}</p>}
      <ChoiceField
        label={t('collectionCase.worker')}
        values={payable.map((w) => w.workerId)}
        labelOf={(id) =>
          t('collectionCase.disbursements.workerOption', {
            name: workerName(id),
            amount: f.money(workers.find((w) => w.workerId === id)?.undisbursedCents),
          })
        }
        value={workerId}
        onChange={setWorkerId}
        error={errors.workerId}
        required
      />
      <TextField
        label={t('collectionCase.amount')}
        hint={
          chosen
            ? t('collectionCase.disbursements.amountHintOf', { amount: f.money(chosen.undisbursedCents) })
            : t('collectionCase.disbursements.amountHint')
        }
        type="money"
        value={amount}
        onChange={setAmount}
        error={
          errors.amountCents ??
          (amount.trim() && amountCents === undefined ? t('collectionCase.money.invalid') : undefined)
        }
      />
      <ChoiceField
        label={t('collectionCase.payments.method')}
        values={METHODS}
        labelOf={(v) =>
          t(`collectionCase.disbursementMethods.${v}` as 'collectionCase.disbursementMethods.check')
        }
        value={method}
        onChange={setMethod}
        error={errors.method}
        required
      />
      <TextField
        label={t('collectionCase.disbursements.reference')}
        value={reference}
        onChange={setReference}
        error={errors.reference}
      />
    </ActionForm>
  );
}

/** A worker who cannot be found: what was collected for them is held until claimed or transferred. */
export function UnlocatedForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const workerName = useWorkerName(view);
  const [workerId, setWorkerId] = useState('');
  const [efforts, setEfforts] = useState('');
  const [done, setDone] = useState<string>();
  const mark = useCollectionAction(caseId, '/api/v1/collections/{caseId}/unlocated-workers', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(mark.error);
  const located = view.workers.filter((w) => !view.unlocatedSince[w.workerId]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mark.mutate(present({ workerId, searchEfforts: efforts.trim() }), {
      onSuccess: () => {
        setDone(t('collectionCase.unlocated.done', { name: workerName(workerId) }));
        setWorkerId('');
        setEfforts('');
      },
    });
  };
  return (
    <ActionForm
      id="unlocated"
      heading={t('collectionCase.unlocated.heading')}
      done={done}
      error={mark.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.unlocated.submit')}
      busy={mark.isPending}
    >
      <ChoiceField
        label={t('collectionCase.worker')}
        values={located.map((w) => w.workerId)}
        labelOf={workerName}
        value={workerId}
        onChange={setWorkerId}
        error={errors.workerId}
        required
      />
      <TextField
        label={t('collectionCase.unlocated.efforts')}
        value={efforts}
        onChange={setEfforts}
        error={errors.searchEfforts}
        multiline
      />
    </ActionForm>
  );
}

/** Held wages of an unlocated worker go to the unclaimed-wage fund. */
export function TransferForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const workerName = useWorkerName(view);
  const [workerId, setWorkerId] = useState('');
  const [fund, setFund] = useState('');
  const [reference, setReference] = useState('');
  const [done, setDone] = useState<string>();
  const transfer = useCollectionAction(
    caseId,
    '/api/v1/collections/{caseId}/unclaimed-transfers',
    view.version,
  );
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(transfer.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    transfer.mutate(present({ workerId, fund: fund.trim(), reference: reference.trim() }), {
      onSuccess: () => {
        setDone(t('collectionCase.transfer.done', { name: workerName(workerId) }));
        setWorkerId('');
      },
    });
  };
  return (
    <ActionForm
      id="transfer"
      heading={t('collectionCase.transfer.heading')}
      done={done}
      error={transfer.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.transfer.submit')}
      busy={transfer.isPending}
    >
      <ChoiceField
        label={t('collectionCase.worker')}
        values={Object.keys(view.unlocatedSince)}
        labelOf={workerName}
        value={workerId}
        onChange={setWorkerId}
        error={errors.workerId}
        required
      />
      <TextField
        label={t('collectionCase.transfer.fund')}
        value={fund}
        onChange={setFund}
        error={errors.fund}
        required
      />
      <TextField
        label={t('collectionCase.disbursements.reference')}
        value={reference}
        onChange={setReference}
        error={errors.reference}
      />
    </ActionForm>
  );
}
