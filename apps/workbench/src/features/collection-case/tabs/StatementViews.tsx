import { useTranslation } from 'react-i18next';
import type { paths } from '../../../api/schema';
import { useFormat } from '../../../i18n/format';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer R } } } };
}
  ? R
  : never;
type DebtorStatement = Ok<'/api/v1/collections/{caseId}/statements/debtors/{debtorId}'>;
type WorkerStatement = Ok<'/api/v1/collections/{caseId}/statements/workers/{workerId}'>;

function Figures({ rows }: { rows: Array<[string, string]> }) {
  return (
    <dl className="workbench-statement__figures">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The employer's statement of account: what is owed in all, paid, by whom, and what is due. */
export function DebtorStatementView({ statement: s }: { statement: DebtorStatement }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <article className="workbench-statement" aria-labelledby="statement-heading" data-testid="statement">
      <h3 id="statement-heading">{t('collectionCase.statements.debtorHeading', { name: s.debtor.name })}</h3>
      <p>
        {t('collectionCase.statements.intro', { caseNumber: s.caseNumber ?? s.caseId, date: f.date(s.asOf) })}
      </p>
      {s.coDebtors.length > 0 && (
        <p>
          {t('collectionCase.statements.coDebtors', { names: s.coDebtors.map((d) => d.name).join(', ') })}
        </p>
      )}
      <Figures
        rows={[
          [t('collectionCase.figures.assessedCents'), f.money(s.totals.assessedCents)],
          [t('collectionCase.figures.collectedCents'), f.money(s.totals.collectedCents)],
          [t('collectionCase.figures.writtenOffCents'), f.money(s.totals.writtenOffCents)],
          [t('collectionCase.figures.outstandingCents'), f.money(s.totals.outstandingCents)],
          [t('collectionCase.statements.paidByThisDebtor'), f.money(s.paidByThisDebtorCents)],
        ]}
      />
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption>{t('collectionCase.payments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.payments.receivedOn')}</th>
            <th scope="col">{t('collectionCase.statements.paidBy')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.payments.map((p, i) => (
            <tr key={i}>
              <td>{f.date(p.receivedOn)}</td>
              <td>{p.paidBy}</td>
              <td className="workbench-numeric">
                {p.reversed
                  ? `${f.money(p.amountCents)} (${t('collectionCase.payments.reversed')})`
                  : f.money(p.amountCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.installments.length > 0 && (
        <table className="usa-table usa-table--borderless usa-table--compact">
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
            {s.installments.map((i) => (
              <tr key={i.installmentNo}>
                <td>{i.installmentNo}</td>
                <td>{f.date(i.dueOn)}</td>
                <td className="workbench-numeric">{f.money(i.amountCents)}</td>
                <td className="workbench-numeric">{f.money(i.paidCents)}</td>
                <td>{t(`collectionCase.plan.statuses.${i.status}` as 'collectionCase.plan.statuses.due')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.judgment && (
        <p>
          {t('collectionCase.statements.judgment', {
            court: s.judgment.court,
            docket: s.judgment.docketNumber,
            date: f.date(s.judgment.enteredOn),
          })}
        </p>
      )}
      {s.nonMonetaryTerms.length > 0 && (
        <ul className="usa-list">
          {s.nonMonetaryTerms.map((x, i) => (
            <li key={i}>{x.description}</li>
          ))}
        </ul>
      )}
      <h4>{t('collectionCase.statements.workersOwed')}</h4>
      <ul className="usa-list">
        {s.workers.map((w, i) => (
          <li key={i}>
            {w.outstandingCents === undefined
              ? w.name
              : t('collectionCase.statements.workerLine', {
                  name: w.name,
                  amount: f.money(w.outstandingCents),
                })}
          </li>
        ))}
        {s.withheldWorkers && <li>{s.withheldWorkers.note}</li>}
      </ul>
    </article>
  );
}

/** A worker's statement: what they are owed, what was collected and paid to them, what comes next. */
export function WorkerStatementView({ statement: s }: { statement: WorkerStatement }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <article className="workbench-statement" aria-labelledby="statement-heading" data-testid="statement">
      <h3 id="statement-heading">{t('collectionCase.statements.workerHeading', { name: s.worker.name })}</h3>
      <p>
        {t('collectionCase.statements.intro', { caseNumber: s.caseNumber ?? s.caseId, date: f.date(s.asOf) })}
      </p>
      <p className="workbench-no-print">
        {t('collectionCase.statements.language', { language: t(`collectionCase.languages.${s.language}`) })}
        {s.preferredLanguage &&
          ` ${t('collectionCase.statements.interpreter', { tag: s.preferredLanguage })}`}
      </p>
      <Figures
        rows={[
          [t('collectionCase.figures.assessedCents'), f.money(s.figures.assessedCents)],
          [t('collectionCase.figures.collectedCents'), f.money(s.figures.collectedCents)],
          [t('collectionCase.figures.disbursedCents'), f.money(s.figures.disbursedCents)],
          [t('collectionCase.figures.heldForUnlocatedCents'), f.money(s.figures.heldForUnlocatedCents)],
          [t('collectionCase.figures.outstandingCents'), f.money(s.figures.outstandingCents)],
        ]}
      />
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption>{t('collectionCase.statements.paidToWorker')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.disbursements.issuedOn')}</th>
            <th scope="col">{t('collectionCase.payments.method')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.disbursements.map((d, i) => (
            <tr key={i}>
              <td>{f.date(d.issuedOn)}</td>
              <td>
                {t(
                  `collectionCase.disbursementMethods.${d.method}` as 'collectionCase.disbursementMethods.check',
                )}
              </td>
              <td className="workbench-numeric">{f.money(d.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('collectionCase.statements.nextSteps')}</h4>
      <ol className="usa-list">
        {s.nextSteps.map((step) => (
          <li key={step}>{t(`collectionCase.statements.steps.${step}`)}</li>
        ))}
      </ol>
      <p>
        {t('collectionCase.statements.contact', {
          office: s.office,
          name: s.contact.name,
          phone: s.contact.phone,
        })}
      </p>
    </article>
  );
}
