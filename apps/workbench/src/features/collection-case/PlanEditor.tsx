import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { dollarsText, parseDollars } from './money-input';

/** One installment as typed: a due date and a dollar amount, both still text. */
export interface PlanRow {
  key: number;
  dueOn: string;
  amount: string;
}

let nextKey = 1;
export const planRow = (dueOn = '', amountCents?: number): PlanRow => ({
  key: nextKey++,
  dueOn,
  amount: amountCents === undefined ? '' : dollarsText(amountCents),
});

/** The installments as the API takes them, or undefined while a row is incomplete. */
export function rowsToInstallments(
  rows: readonly PlanRow[],
): Array<{ dueOn: string; amountCents: number }> | undefined {
  const out = rows.map((r) => ({ dueOn: r.dueOn, amountCents: parseDollars(r.amount) }));
  if (out.some((r) => !r.dueOn || r.amountCents === undefined || r.amountCents <= 0)) return undefined;
  return out as Array<{ dueOn: string; amountCents: number }>;
}

/**
 * The installment schedule being negotiated or set: a row per installment (due date, amount),
 * added and removed freely until the plan is agreed. The running total is compared with the
 * amount the schedule must add up to, so the officer sees the difference before sending; the
 * service's own refusals (dates out of order, a wrong sum) are shown beside the rows they name.
 */
export function PlanEditor({
  rows,
  onChange,
  totalCents,
  errors,
  idPrefix,
}: {
  rows: readonly PlanRow[];
  onChange: (rows: PlanRow[]) => void;
  /** What the installments must add up to, when known. */
  totalCents: number | undefined;
  /** problem+json field errors by path (`installments.1.dueOn`, `installments`). */
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const sum = rows.reduce((s, r) => s + (parseDollars(r.amount) ?? 0), 0);
  const update = (key: number, patch: Partial<PlanRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const difference = totalCents === undefined ? 0 : totalCents - sum;
  const scheduleError = errors.installments;
  return (
    <fieldset className="usa-fieldset margin-top-3" aria-describedby={`${idPrefix}-sum`}>
      <legend className="usa-legend usa-legend">{t('collectionCase.plan.editor.legend')}</legend>
      {scheduleError && (
        <span className="usa-error-message" role="alert">
          {scheduleError}
        </span>
      )}
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption className="usa-sr-only">{t('collectionCase.plan.editor.legend')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.plan.number')}</th>
            <th scope="col">{t('collectionCase.plan.dueOn')}</th>
            <th scope="col">{t('collectionCase.plan.editor.amount')}</th>
            <th scope="col">
              <span className="usa-sr-only">{t('collectionCase.plan.editor.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const n = i + 1;
            const dateError = errors[`installments.${i}.dueOn`];
            const amountError =
              errors[`installments.${i}.amountCents`] ??
              (r.amount && parseDollars(r.amount) === undefined
                ? t('collectionCase.money.invalid')
                : undefined);
            return (
              <tr key={r.key} data-testid="installment-row">
                <th scope="row">{n}</th>
                <td>
                  <input
                    className={`usa-input${dateError ? ' usa-input--error' : ''}`}
                    type="date"
                    aria-label={t('collectionCase.plan.editor.dueOnOf', { n })}
                    aria-invalid={dateError ? true : undefined}
                    value={r.dueOn}
                    onChange={(e) => update(r.key, { dueOn: e.currentTarget.value })}
                  />
                  {dateError && <span className="usa-error-message">{dateError}</span>}
                </td>
                <td>
                  <input
                    className={`usa-input usa-input--sm${amountError ? ' usa-input--error' : ''}`}
                    inputMode="decimal"
                    aria-label={t('collectionCase.plan.editor.amountOf', { n })}
                    aria-invalid={amountError ? true : undefined}
                    value={r.amount}
                    onChange={(e) => update(r.key, { amount: e.currentTarget.value })}
                  />
                  {amountError && <span className="usa-error-message">{amountError}</span>}
                </td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    disabled={rows.length === 1}
                    onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                  >
                    {t('collectionCase.plan.editor.remove', { n })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => onChange([...rows, planRow()])}
      >
        {t('collectionCase.plan.editor.add')}
      </button>
      <p id={`${idPrefix}-sum`} role="status" data-testid="plan-sum">
        {totalCents === undefined
          ? t('collectionCase.plan.editor.sum', { sum: f.money(sum) })
          : difference === 0
            ? t('collectionCase.plan.editor.sumMatches', { sum: f.money(sum) })
            : difference > 0
              ? t('collectionCase.plan.editor.sumShort', {
                  sum: f.money(sum),
                  difference: f.money(difference),
                })
              : t('collectionCase.plan.editor.sumOver', {
                  sum: f.money(sum),
                  difference: f.money(-difference),
                })}
      </p>
    </fieldset>
  );
}
