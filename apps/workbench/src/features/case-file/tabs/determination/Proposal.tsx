import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../i18n/format';
import { employerNames, type Determination } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { amountsOf } from './determination-parts';

/** Who did what when, and what the proposal awards. */
export function Proposal({ view, determination }: { view: InvestigationView; determination: Determination }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { proposal } = determination;
  const a = amountsOf(view, proposal.computationId, proposal.penaltyIds);
  const steps = [
    { step: 'proposed' as const, done: true, by: proposal.proposedBy, at: determination.proposedAt },
    {
      step: 'approved' as const,
      done: !!determination.approvedBy,
      by: determination.approvedBy,
      at: determination.approvedAt,
    },
    {
      step: 'issued' as const,
      done: !!determination.issuedAt,
      by: determination.issuedBy,
      at: determination.issuedAt,
    },
  ];
  return (
    <>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption>{t('determination.whoWhen')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('determination.columns.step')}</th>
            <th scope="col">{t('determination.columns.by')}</th>
            <th scope="col">{t('determination.columns.at')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.step}>
              <th scope="row">{t(`determination.step.${s.step}`)}</th>
              <td>{s.done ? (s.by ?? '—') : t('determination.notYet')}</td>
              <td>{s.done ? f.dateTime(s.at) : t('determination.notYet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('determination.awards')}</h3>
      <dl className="workbench-summary-strip">
        <div>
          <dt>{t('backWages.amounts.unpaidWages')}</dt>
          <dd>{f.money(a.unpaid)}</dd>
        </div>
        <div>
          <dt>{t('backWages.amounts.liquidatedDamages')}</dt>
          <dd>{f.money(a.damages)}</dd>
        </div>
        <div>
          <dt>{t('determination.penalties')}</dt>
          <dd>{f.money(a.penalties)}</dd>
        </div>
        <div>
          <dt>{t('determination.total')}</dt>
          <dd>{f.money(a.total)}</dd>
        </div>
      </dl>
      <ul className="usa-list">
        <li>
          {t('determination.computation', {
            ruleSets: a.computation?.ruleSets.map((r) => `${r.id} ${r.version}`).join(', ') ?? '—',
            at: f.dateTime(a.computation?.recordedAt),
          })}
        </li>
        <li>{t('determination.employers', { names: employerNames(view, proposal.employerIds) })}</li>
        <li>
          {t('determination.violations', {
            list:
              proposal.violationIds
                .map((id) => view.violations.find((v) => v.violationId === id))
                .map((v) => (v ? `${t(`violations.type.${v.type}`)} (${v.statute})` : '—'))
                .join('; ') || t('common.none'),
          })}
        </li>
      </ul>
      <h3>{t('determination.summary')}</h3>
      <p className="measure-6" style={{ whiteSpace: 'pre-wrap' }}>
        {proposal.summary}
      </p>
    </>
  );
}
