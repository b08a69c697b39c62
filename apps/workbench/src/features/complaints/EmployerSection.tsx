import { useTranslation } from 'react-i18next';
import { addressLine } from './complaint-format';
import type { ComplaintView } from './complaint-types';

/** The employer complained about. */
export function EmployerSection({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const e = view.complaint.employer;
  return (
    <section aria-labelledby="employer-heading">
      <h2 id="employer-heading" className="font-sans-md">
        {t('intake.employer.legend')}
      </h2>
      <dl className="workbench-facts">
        <dt>{t('intake.employer.name')}</dt>
        <dd>{e.name}</dd>
        {e.tradeName && (
          <>
            <dt>{t('intake.employer.tradeName')}</dt>
            <dd>{e.tradeName}</dd>
          </>
        )}
        <dt>{t('intake.employer.address')}</dt>
        <dd>{addressLine(e.address)}</dd>
        <dt>{t('intake.employer.fein')}</dt>
        <dd>{e.fein ?? '—'}</dd>
        <dt>{t('intake.employer.naics')}</dt>
        <dd>{e.naics ?? '—'}</dd>
      </dl>
    </section>
  );
}
