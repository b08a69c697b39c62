import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { useDebtorName, useMayAct } from '../parts';
import { EscalationForm, JudgmentForm, OrderForm } from './EnforcementForms';
import type { CollectionTabProps } from './index';

/** Orders and the judgment that fix the debt, defaults declared, and escalations taken against a debtor. */
export function EnforcementTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const debtorName = useDebtorName(view);
  const mayOrder = useMayAct('orders', view);
  const mayJudgment = useMayAct('judgments', view);
  const mayEscalate = useMayAct('escalations', view);
  const { judgment } = view;
  return (
    <>
      <table className="usa-table usa-table--borderless">
        <caption>{t('collectionCase.enforcement.ordersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.enforcement.issuedOn')}</th>
            <th scope="col">{t('collectionCase.enforcement.kind')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.amount')}
            </th>
            <th scope="col">{t('collectionCase.enforcement.dueOn')}</th>
            <th scope="col">{t('collectionCase.enforcement.issuer')}</th>
          </tr>
        </thead>
        <tbody>
          {view.orders.length === 0 && (
            <tr>
              <td colSpan={5}>{t('collectionCase.enforcement.noOrders')}</td>
            </tr>
          )}
          {view.orders.map((o) => (
            <tr key={o.orderId}>
              <td>{f.date(o.issuedOn)}</td>
              <td>{t(`collectionCase.orderKinds.${o.kind}` as 'collectionCase.orderKinds.court_order')}</td>
              <td className="workbench-numeric">{f.money(o.amountCents)}</td>
              <td>{f.date(o.dueOn)}</td>
              <td>{o.issuer ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('collectionCase.enforcement.judgmentHeading')}</h3>
      <p>
        {judgment
          ? t('collectionCase.enforcement.judgmentBody', {
              court: judgment.court,
              docket: judgment.docketNumber,
              date: f.date(judgment.enteredOn),
              amount: f.money(judgment.amountCents),
              rate: f.number(judgment.interestRateBasisPoints / 100, 2),
            })
          : t('collectionCase.enforcement.noJudgment')}
      </p>
      {view.defaults.length > 0 && (
        <ul className="usa-list">
          {view.defaults.map((d) => (
            <li key={`${d.planId}:${d.declaredOn}`}>
              {t('collectionCase.enforcement.defaultLine', {
                date: f.date(d.declaredOn),
                amount: f.money(d.balanceDueCents),
                missed: d.missedInstallments.join(', '),
              })}
            </li>
          ))}
        </ul>
      )}
      <table className="usa-table usa-table--borderless">
        <caption>{t('collectionCase.enforcement.escalationsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.enforcement.takenOn')}</th>
            <th scope="col">{t('collectionCase.enforcement.kind')}</th>
            <th scope="col">{t('collectionCase.payments.debtor')}</th>
            <th scope="col">{t('collectionCase.enforcement.reference')}</th>
            <th scope="col">{t('collectionCase.enforcement.details')}</th>
          </tr>
        </thead>
        <tbody>
          {view.escalations.length === 0 && (
            <tr>
              <td colSpan={5}>{t('collectionCase.enforcement.noEscalations')}</td>
            </tr>
          )}
          {view.escalations.map((x) => (
            <tr key={x.escalationId}>
              <td>{f.date(x.takenOn)}</td>
              <td>
                {t(`collectionCase.escalationKinds.${x.kind}` as 'collectionCase.escalationKinds.lien')}
              </td>
              <td>{debtorName(x.debtorId)}</td>
              <td>{x.reference ?? '—'}</td>
              <td>{x.details ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayEscalate && <EscalationForm caseId={caseId} view={view} />}
      {mayOrder && <OrderForm caseId={caseId} view={view} />}
      {mayJudgment && !judgment && <JudgmentForm caseId={caseId} view={view} />}
    </>
  );
}
