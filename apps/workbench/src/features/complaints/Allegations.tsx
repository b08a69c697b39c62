import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { ComplaintView } from './complaint-types';

/** What is alleged, over which period, for how many workers and how much. */
export function Allegations({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="allegations-heading">
      <h2 id="allegations-heading" className="font-sans-md">
        {t('intake.allegations.legend')}
      </h2>
      <div
        className="usa-table-container--scrollable"
        tabIndex={0}
        role="region"
        aria-labelledby="allegations-heading"
      >
        <table className="usa-table usa-table--compact usa-table--borderless width-full">
          <thead>
            <tr>
              <th scope="col">{t('complaint.allegationAndPeriod')}</th>
              <th scope="col" className="text-right">
                {t('intake.allegation.workers')}
              </th>
              <th scope="col" className="text-right">
                {t('complaint.estimate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.complaint.allegations.map((a, i) => (
              <tr key={i}>
                <th scope="row">
                  {t(`allegationTypes.${a.type}`)}
                  <span className="display-block text-normal">
                    {f.date(a.periodStart)} – {a.ongoing ? t('complaint.ongoing') : f.date(a.periodEnd)}
                  </span>
                  {a.description && (
                    <span className="display-block text-normal font-body-2xs workbench-prewrap">
                      {a.description}
                    </span>
                  )}
                </th>
                <td className="workbench-numeric">{f.number(a.workersAffected)}</td>
                <td className="workbench-numeric">
                  {a.estimatedAmountCents == null ? '—' : f.money(a.estimatedAmountCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
