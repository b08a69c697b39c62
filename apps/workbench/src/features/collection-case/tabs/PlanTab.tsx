import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { Alert } from '../../../ui/Alert';
import { ActionForm } from '../../case-file/ActionForm';
import { useCollectionAction, useCollectionRefresh } from '../collection-data';
import { ChoiceField, fieldErrors, present, TextField, useMayAct } from '../parts';
import { planRow, PlanEditor, rowsToInstallments, type PlanRow } from '../PlanEditor';
import type { CollectionTabProps } from './index';

const STATUS_TAG: Record<string, string> = {
  paid: 'bg-success-darker',
  missed: 'bg-secondary-dark',
  overdue: 'bg-warning text-ink',
  partly_paid: 'bg-primary',
  due: 'bg-base-dark',
};

/**
 * The installment plan. Before any plan is agreed the schedule is edited here (or in a settlement
 * offer); once a plan is in place it is read-only, each installment with what was paid toward it
 * and whether it is paid, due, overdue or missed (as the scheduled check recorded it).
 */
export function PlanTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const plan = view.plan;
  const mayEstablish = useMayAct('payment-plans', view);
  if (!plan)
    return (
      <>
        <p>{t('collectionCase.plan.none')}</p>
        {mayEstablish && <EstablishPlanForm caseId={caseId} view={view} />}
      </>
    );
  return (
    <>
      <p>
        {t('collectionCase.plan.summary', {
          basis: t(`collectionCase.plan.bases.${plan.basis}` as 'collectionCase.plan.bases.settlement'),
          date: f.date(plan.establishedOn),
          paid: f.money(plan.paidCents),
        })}
      </p>
      {plan.status === 'defaulted' && (
        <Alert kind="warning" slim>
          {t('collectionCase.plan.defaulted')}
        </Alert>
      )}
      <table className="usa-table usa-table--borderless">
        <caption>{t('collectionCase.plan.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.plan.number')}</th>
            <th scope="col">{t('collectionCase.plan.dueOn')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.amount')}
            </th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.plan.paid')}
            </th>
            <th scope="col">{t('collectionCase.plan.status')}</th>
          </tr>
        </thead>
        <tbody>
          {view.installments.map((i) => (
            <tr key={i.installmentNo} data-testid="plan-installment">
              <th scope="row">{i.installmentNo}</th>
              <td>{f.date(i.dueOn)}</td>
              <td className="workbench-numeric">{f.money(i.amountCents)}</td>
              <td className="workbench-numeric">{f.money(i.paidCents)}</td>
              <td>
                <span className={`usa-tag ${STATUS_TAG[i.status] ?? 'bg-base-dark'}`}>
                  {t(`collectionCase.plan.statuses.${i.status}` as 'collectionCase.plan.statuses.due')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <DefaultForm caseId={caseId} view={view} />
    </>
  );
}

const BASES = ['order', 'judgment', 'voluntary'] as const;

function EstablishPlanForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [basis, setBasis] = useState('');
  const [rows, setRows] = useState<PlanRow[]>([planRow()]);
  const establish = useCollectionAction(caseId, '/api/v1/collections/{caseId}/payment-plans', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(establish.error);
  const source =
    basis === 'order'
      ? view.orders.at(-1)?.orderId
      : basis === 'judgment'
        ? view.judgment?.judgmentId
        : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    establish.mutate(
      present({
        basis: basis as (typeof BASES)[number],
        sourceId: source,
        installments: rowsToInstallments(rows) ?? rows.map((r) => ({ dueOn: r.dueOn, amountCents: 0 })),
      }),
    );
  };
  return (
    <ActionForm
      id="establish-plan"
      heading={t('collectionCase.plan.establishHeading')}
      error={establish.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.plan.establishSubmit')}
      busy={establish.isPending}
    >
      <ChoiceField
        label={t('collectionCase.plan.basis')}
        values={BASES}
        labelOf={(v) => t(`collectionCase.plan.bases.${v}` as 'collectionCase.plan.bases.order')}
        value={basis}
        onChange={setBasis}
        error={errors.basis}
        required
      />
      <PlanEditor
        rows={rows}
        onChange={setRows}
        totalCents={view.totals.outstandingCents}
        errors={errors}
        idPrefix="establish-plan"
      />
    </ActionForm>
  );
}

/** Missed installments can put the plan in default: the whole balance becomes due. */
function DefaultForm({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mayDeclare = useMayAct('default', view);
  const declare = useCollectionAction(caseId, '/api/v1/collections/{caseId}/default', view.version);
  const refresh = useCollectionRefresh(caseId);
  const errors = fieldErrors(declare.error);
  if (!mayDeclare || !view.plan || view.plan.status !== 'active' || view.plan.missed.length === 0)
    return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    declare.mutate(present({ reason: reason.trim() }));
  };
  return (
    <ActionForm
      id="declare-default"
      heading={t('collectionCase.plan.defaultHeading')}
      error={declare.error}
      onReload={refresh}
      onSubmit={submit}
      submitLabel={t('collectionCase.plan.defaultSubmit')}
      busy={declare.isPending}
    >
      <p>{t('collectionCase.plan.defaultBody', { missed: view.plan.missed.join(', ') })}</p>
      <TextField
        label={t('collectionCase.plan.defaultReason')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        multiline
      />
    </ActionForm>
  );
}
