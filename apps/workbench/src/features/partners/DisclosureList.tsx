import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { DisclosedFields, Disclosure } from './partner-api';

const MONEY_FIELDS = new Set(['backWagesAssessedCents', 'civilPenaltiesCents', 'amountCollectedCents']);
const DATE_FIELDS = new Set(['occurredOn']);

/** A disclosed field's value as a person reads it: money through Intl, codes through the catalog. */
export function useFieldValue() {
  const { t } = useTranslation();
  const f = useFormat();
  return (name: string, value: unknown): string => {
    if (MONEY_FIELDS.has(name)) return f.money(value as number);
    if (DATE_FIELDS.has(name)) return f.date(value as string);
    if (name === 'status')
      return t(`portal.milestones.${value as 'case_opened'}`, { defaultValue: String(value) });
    if (name === 'stage') return t(`portal.stages.${value as 'intake'}`, { defaultValue: String(value) });
    if (name === 'determinationOutcome')
      return t(`portal.outcomes.${value as 'violations_found'}`, { defaultValue: String(value) });
    return String(value);
  };
}

/** Exactly the fields that went out, each named and formatted. */
export function SharedFields({ fields }: { fields: DisclosedFields | undefined }) {
  const { t } = useTranslation();
  const value = useFieldValue();
  const entries = Object.entries(fields ?? {});
  if (entries.length === 0) return <>{t('common.none')}</>;
  return (
    <dl className="margin-0 partner-fields">
      {entries.map(([name, v]) => (
        <div key={name}>
          <dt className="display-inline text-bold">
            {t(`portal.fields.${name as 'status'}`, { defaultValue: name })}:
          </dt>{' '}
          <dd className="display-inline margin-0">{value(name, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the agency told the partner about this referral, milestone by milestone, and (for the
 * liaison, whose answer includes them) the milestones it kept back, with the reason.
 */
export function DisclosureList({ disclosures, staff }: { disclosures: Disclosure[]; staff: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="disclosures-heading" className="margin-top-4">
      <h2 id="disclosures-heading">
        {t(staff ? 'portal.disclosures.headingStaff' : 'portal.disclosures.heading')}
      </h2>
      {disclosures.length === 0 ? (
        <p>{t('portal.disclosures.empty')}</p>
      ) : (
        <ol className="usa-list" data-testid="disclosures">
          {disclosures.map((d) => (
            <li key={d.id} className="margin-bottom-2">
              <strong>
                {t(`portal.milestones.${d.milestone as 'case_opened'}`, { defaultValue: d.milestone })}
              </strong>
              {' · '}
              <span className="text-base-dark">{f.dateTime(d.sharedAt ?? d.decidedAt ?? d.at)}</span>
              {d.kind === 'withheld' ? (
                <p className="margin-y-05">
                  <span className="usa-tag bg-secondary-dark">{t('partners.ledger.withheld')}</span>{' '}
                  {t(`partners.withholdingReasons.${d.reason as 'consent_revoked'}`, {
                    defaultValue: d.reason ?? '',
                  })}
                </p>
              ) : (
                <SharedFields fields={d.fields} />
              )}
              {staff && d.agreementId && (
                <p className="margin-y-05 font-body-2xs">
                  {t('partners.ledger.under', { version: d.clauseVersion ?? '—' })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
