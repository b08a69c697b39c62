import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ActionForm } from '../../case-file/ActionForm';
import { useCollectionAction, useCollectionRefresh, type Offer } from '../collection-data';
import { parseDollars } from '../money-input';
import { ChoiceField, fieldErrors, present, TextField } from '../parts';
import { planRow, PlanEditor, rowsToInstallments, type PlanRow } from '../PlanEditor';
import { rowsToTerms, termRow, TermsEditor, type TermRow } from '../TermsEditor';
import type { CollectionTabProps } from './index';

const PARTIES = ['agency', 'debtor'] as const;

/**
 * A settlement position: the agency's offer, or a debtor's, with its installment schedule; or a
 * counter to an earlier position (prefilled with it). Positions do not change the balance: a
 * supervisor's approval makes one the agreement.
 */
export function OfferForm({
  caseId,
  view,
  counterTo,
  onDone,
}: CollectionTabProps & { counterTo?: Offer; onDone?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [offeredBy, setOfferedBy] = useState<string>(
    counterTo ? (counterTo.offeredBy === 'agency' ? 'debtor' : 'agency') : 'agency',
  );
  const [amount, setAmount] = useState(counterTo ? (counterTo.amountCents / 100).toFixed(2) : '');
  const [rows, setRows] = useState<PlanRow[]>(
    counterTo ? counterTo.installments.map((i) => planRow(i.dueOn, i.amountCents)) : [planRow()],
  );
  const [terms, setTerms] = useState<TermRow[]>(
    counterTo ? counterTo.nonMonetaryTerms.map((x) => termRow(x.kind, x.description)) : [],
  );
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string>();
  const offer = useCollectionAction(caseId, '/api/v1/collections/{caseId}/settlement-offers', view.version);
  const counter = useCollectionAction(
    caseId,
    '/api/v1/collections/{caseId}/settlement-counters',
    view.version,
  );
  const action = counterTo ? counter : offer;
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(action.error);
  const amountCents = parseDollars(amount);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = present({
      offeredBy: offeredBy as (typeof PARTIES)[number],
      amountCents: amountCents ?? 0,
      installments:
        rowsToInstallments(rows) ??
        rows.map((r) => ({ dueOn: r.dueOn, amountCents: parseDollars(r.amount) ?? 0 })),
      nonMonetaryTerms: rowsToTerms(terms),
      note: note.trim(),
    });
    const onSuccess = () => {
      setDone(t(counterTo ? 'collectionCase.settlement.countered' : 'collectionCase.settlement.offered'));
      setAmount('');
      setRows([planRow()]);
      setTerms([]);
      setNote('');
      onDone?.();
    };
    if (counterTo) counter.mutate({ ...body, inResponseTo: counterTo.offerId }, { onSuccess });
    else offer.mutate(body, { onSuccess });
  };
  return (
    <ActionForm
      id={counterTo ? `counter-${counterTo.offerId}` : 'offer'}
      heading={t(
        counterTo ? 'collectionCase.settlement.counterHeading' : 'collectionCase.settlement.offerHeading',
      )}
      done={done}
      error={action.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t(
        counterTo ? 'collectionCase.settlement.counterSubmit' : 'collectionCase.settlement.offerSubmit',
      )}
      busy={action.isPending}
    >
      <ChoiceField
        label={t('collectionCase.settlement.offeredBy')}
        values={PARTIES}
        labelOf={(v) => t(`collectionCase.parties.${v}` as 'collectionCase.parties.agency')}
        value={offeredBy}
        onChange={setOfferedBy}
        error={errors.offeredBy}
        required
      />
      <TextField
        label={t('collectionCase.settlement.amount')}
        hint={t('collectionCase.settlement.amountHint', {
          amount: f.money(view.totals.outstandingCents),
        })}
        type="money"
        value={amount}
        onChange={setAmount}
        error={
          errors.amountCents ??
          (amount && amountCents === undefined ? t('collectionCase.money.invalid') : undefined)
        }
        required
      />
      <PlanEditor
        rows={rows}
        onChange={setRows}
        totalCents={amountCents}
        errors={errors}
        idPrefix={counterTo ? `counter-${counterTo.offerId}` : 'offer'}
      />
      <TermsEditor rows={terms} onChange={setTerms} errors={errors} />
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
