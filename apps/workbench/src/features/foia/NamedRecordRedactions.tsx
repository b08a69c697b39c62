import { useTranslation } from 'react-i18next';
import type { FoiaPackage, PackageRecord, RedactionEntry } from './foia-api';
import { RedactionBox, useExemptionMeaning } from './RedactionBox';
import { RecordRedactions } from './RedactionReview';

/**
 * The redactions of the records a request names besides cases (agreements, referral statistics,
 * disclosure ledgers), by section and record. They are the classification's (or, for a count,
 * the small-cell rule's) and are reviewed here, not overridden: an override names a case.
 */
export function NamedRecordRedactions({ pkg }: { pkg: FoiaPackage }) {
  const { t } = useTranslation();
  const meaning = useExemptionMeaning(pkg.exemptions);
  const named = pkg.records;
  const entries = pkg.redactionLog.filter((e) => e.record);
  if (!named || entries.length === 0) return null;
  const ofRecord = (section: string, r: PackageRecord): RedactionEntry[] =>
    entries.filter((e) => e.record?.section === section && e.eventId === r.eventId);
  const events = (section: 'agreements' | 'disclosure_ledger', records: PackageRecord[]) =>
    records
      .filter((r) => ofRecord(section, r).length > 0)
      .map((r) => (
        <RecordRedactions
          key={r.eventId}
          record={r}
          entries={ofRecord(section, r)}
          exemptions={pkg.exemptions}
          open={null}
          setOpen={() => undefined}
        />
      ));
  return (
    <section aria-labelledby="named-records-heading" className="margin-top-3">
      <h3 id="named-records-heading">{t('foia.review.named.heading')}</h3>
      {named.agreements.map((a) => (
        <div key={a.agreementId} data-testid="named-agreement">
          <h4>{t('foia.review.named.agreement', { id: a.agreementId })}</h4>
          {events('agreements', a.records)}
        </div>
      ))}
      {named.referralStatistics.map((s) => {
        const cells = entries.filter(
          (e) => e.record?.section === 'referral_statistics' && e.record.id === s.partnerId,
        );
        if (cells.length === 0) return null;
        return (
          <table key={s.partnerId} className="usa-table usa-table--compact width-full margin-y-1">
            <caption>
              {t('foia.review.named.statistics', { id: s.partnerId, from: s.from, to: s.to })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('foia.review.named.count')}</th>
                <th scope="col">{t('foia.review.decision')}</th>
                <th scope="col">{t('foia.review.exemptions')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((e) => (
                <tr key={e.n} data-testid="redaction" data-path={e.path}>
                  <td>
                    <code className="foia-path">{e.path}</code>
                  </td>
                  <td>
                    <RedactionBox entry={e} />
                  </td>
                  <td>
                    {e.exemptions.map((code) => (
                      <span key={code} className="display-block">
                        <b>{code}</b>: {meaning(code)}
                      </span>
                    ))}
                    <span className="display-block">{t('foia.review.named.smallCell')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      {named.disclosureLedger.map((l) => (
        <div key={l.partnerId} data-testid="named-ledger">
          <h4>
            {t('foia.review.named.ledger', {
              organization: l.organization ?? l.partnerId,
              from: l.from,
              to: l.to,
            })}
          </h4>
          {events('disclosure_ledger', l.entries)}
        </div>
      ))}
    </section>
  );
}
