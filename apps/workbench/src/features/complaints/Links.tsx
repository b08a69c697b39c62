import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agencyOf } from './complaint-format';
import type { ComplaintView } from './complaint-types';

/** Cross-filings with other agencies and links to other cases. */
export function Links({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const { crossFilings, links = [] } = view.complaint;
  if (crossFilings.length === 0 && links.length === 0) return null;
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading" className="font-sans-md">
        {t('complaint.links.heading')}
      </h2>
      <ul className="usa-list">
        {crossFilings.map((r, i) => (
          <li key={`x${i}`}>{t('complaint.links.crossFiled', { agency: agencyOf(t, r) })}</li>
        ))}
        {links.map((l) => (
          <li key={`${l.kind}${l.caseId}`}>
            {t(`complaint.links.${l.kind}`)}:{' '}
            <Link to={`/complaints/${l.caseId}`}>{t('complaint.outcome.seeOther')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
