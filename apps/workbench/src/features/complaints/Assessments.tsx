import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { JurisdictionResult } from './steps/JurisdictionStep';
import { LimitationsResult } from './steps/LimitationsStep';
import { TriageResult } from './steps/TriageStep';
import type { ComplaintView } from './complaint-types';

/** What intake assessed, for those who read the complaint rather than work it. */
export function Assessments({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const { jurisdiction, limitations, triage } = view.complaint;
  return (
    <>
      <Assessment id="jurisdiction" heading={t('complaint.jurisdiction.heading')}>
        {jurisdiction && <JurisdictionResult jurisdiction={jurisdiction} />}
      </Assessment>
      <Assessment id="limitations" heading={t('complaint.limitations.heading')}>
        {limitations && <LimitationsResult limitations={limitations} />}
      </Assessment>
      <Assessment id="triage" heading={t('complaint.triage.heading')}>
        {triage && <TriageResult triage={triage} />}
      </Assessment>
    </>
  );
}

function Assessment({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="margin-top-3">
      <h3 id={`${id}-heading`} className="margin-bottom-1">
        {heading}
      </h3>
      {children || <p className="margin-top-0">{t('complaint.notAssessed')}</p>}
    </section>
  );
}
