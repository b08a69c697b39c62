import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { addressLine } from './complaint-format';
import type { ComplaintView } from './complaint-types';

/** Who complained: each complainant's role, language, contact and flags. */
export function Complainants({ view }: { view: ComplaintView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const languageNames = useMemo(
    () => new Intl.DisplayNames([f.locale], { type: 'language', fallback: 'code' }),
    [f.locale],
  );
  const languageOf = (tag: string) => {
    try {
      return languageNames.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  const people = view.complaint.complainants;
  return (
    <section aria-labelledby="complainants-heading">
      <h2 id="complainants-heading" className="font-sans-md margin-top-0">
        {t('intake.complainants.legend')} ({f.number(people.length)})
      </h2>
      {people.length === 0 && <p>{t('complaint.noComplainant')}</p>}
      <ul className="usa-list usa-list--unstyled">
        {people.map((c, i) => (
          <li
            key={c.complainantId}
            className="border-1px border-base-lighter radius-md padding-2 margin-bottom-1"
            data-testid="complainant-card"
          >
            <p className="margin-y-0 text-bold">
              {c.name ?? t('complaint.anonymous', { n: i + 1 })}{' '}
              <span className="usa-tag bg-base-dark">{t(`intake.complainant.roles.${c.role}`)}</span>{' '}
              {c.confidentialityRequested && (
                <span className="usa-tag bg-secondary-dark">{t('complaint.confidential')}</span>
              )}{' '}
              {c.interpreterNeeded && (
                <span className="usa-tag bg-accent-cool-darker">{t('complaint.interpreter')}</span>
              )}
            </p>
            <dl className="workbench-facts margin-top-1">
              <dt>{t('intake.complainant.language')}</dt>
              <dd>{languageOf(c.preferredLanguage)}</dd>
              {c.phone && (
                <>
                  <dt>{t('intake.complainant.phone')}</dt>
                  <dd>{c.phone}</dd>
                </>
              )}
              {c.email && (
                <>
                  <dt>{t('intake.complainant.email')}</dt>
                  <dd>{c.email}</dd>
                </>
              )}
              {c.address && (
                <>
                  <dt>{t('intake.complainant.address')}</dt>
                  <dd>{addressLine(c.address)}</dd>
                </>
              )}
              <dt>{t('complaint.workerId')}</dt>
              <dd className="workbench-mono font-body-3xs">{c.complainantId}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
