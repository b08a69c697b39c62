import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import type { EmployerMatch } from './complaint-types';
import type { AddressDraft } from './intake-draft';

/** Wait this long after the last key before asking the employer index. */
export const HINT_DEBOUNCE_MS = 350;
const SHOWN = 5;
const OPEN_STATUSES = new Set(['received', 'opened']);

interface EmployerQuery {
  name?: string;
  fein?: string;
  address?: string;
}

/** What the index can be asked with what was typed so far (its own minimums: 2 letters, a whole FEIN). */
export function employerQueryOf(employer: {
  name: string;
  fein: string;
  address: AddressDraft;
}): EmployerQuery {
  const q: EmployerQuery = {};
  const name = employer.name.trim();
  if (name.length >= 2) q.name = name;
  const fein = employer.fein.trim();
  if (/^\d{2}-?\d{7}$/.test(fein)) q.fein = fein;
  const { street, city, state, postalCode } = employer.address;
  if (street.trim() && city.trim()) {
    q.address = `${street.trim()}, ${city.trim()} ${state.trim().toUpperCase()} ${postalCode.trim()}`.trim();
  }
  return q;
}

/** Open complaints or cases against the employer: this one may be about the same facts. */
export function possibleDuplicates(match: EmployerMatch) {
  return match.complaints.filter((c) => OPEN_STATUSES.has(c.status));
}

/**
 * While the employer is typed: employers already in the index that look like it, each with why it
 * matched, its complaints still open (possible duplicates) and its cases with violations (a
 * repeat violator). Announced politely, so a screen-reader user hears it without losing the field.
 */
export function EmployerHints({
  employer,
}: {
  employer: { name: string; fein: string; address: AddressDraft };
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const headingId = useId();
  // A string, so that the debounce settles (a new object each render never would).
  const typed = JSON.stringify(employerQueryOf(employer));
  const settled = useDebouncedValue(typed, HINT_DEBOUNCE_MS);
  const query = JSON.parse(settled) as EmployerQuery;
  const asked = Object.keys(query).length > 0;
  const result = useQuery({
    queryKey: ['employers', query],
    queryFn: async () => ok(await api.GET('/api/v1/employers', { params: { query } })),
    enabled: asked,
    staleTime: 60_000,
  });
  const matches = result.data?.employers ?? [];

  let status: string;
  if (!asked) status = t('intake.hints.prompt');
  else if (result.isFetching || typed !== settled) status = t('intake.hints.looking');
  else if (result.isError) status = '';
  else if (matches.length === 0) status = t('intake.hints.none');
  else status = t('intake.hints.found', { count: matches.length });

  return (
    <section
      className="border-1px border-base-lighter radius-md padding-2 margin-top-2 bg-base-lightest"
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="margin-top-0 font-sans-sm">
        {t('intake.hints.heading')}
      </h3>
      <p
        role="status"
        aria-live="polite"
        className="margin-y-1 font-body-2xs"
        data-testid="employer-hints-status"
      >
        {status}
      </p>
      <ErrorAlert error={result.error} />
      {asked && matches.length > 0 && (
        <ul className="usa-list usa-list--unstyled" aria-label={t('intake.hints.heading')}>
          {matches.slice(0, SHOWN).map((m) => {
            const duplicates = possibleDuplicates(m);
            return (
              <li
                key={m.employerKey}
                className="border-top-1px border-base-lighter padding-y-1"
                data-testid="employer-hint"
              >
                <p className="margin-y-05 text-bold">
                  {m.names.join(' · ')}{' '}
                  {m.casesWithViolations > 0 && (
                    <span className="usa-tag bg-secondary-dark">{t('intake.hints.repeatViolator')}</span>
                  )}{' '}
                  {duplicates.length > 0 && (
                    <span className="usa-tag bg-accent-warm-darker">
                      {t('intake.hints.possibleDuplicate')}
                    </span>
                  )}
                </p>
                {m.normalizedAddresses.length > 0 && (
                  <p className="margin-y-05 font-body-2xs text-base-dark">
                    {m.normalizedAddresses.join(' · ')}
                  </p>
                )}
                <p className="margin-y-05 font-body-2xs">
                  {t('intake.hints.why')}{' '}
                  {m.reasons
                    .map((r) =>
                      r.kind === 'fein'
                        ? t('intake.hints.reason.fein')
                        : t(`intake.hints.reason.${r.kind}`, { percent: f.number(r.score * 100) }),
                    )
                    .join(' · ')}
                </p>
                <p className="margin-y-05 font-body-2xs">
                  {t('intake.hints.history', {
                    prior: f.number(m.priorCases),
                    violations: f.number(m.casesWithViolations),
                  })}
                </p>
                {m.complaints.length > 0 && (
                  <ul className="usa-list font-body-2xs margin-y-05">
                    {m.complaints.slice(0, SHOWN).map((c) => (
                      <li key={c.caseId}>
                        {c.caseNumber ?? t('intake.hints.notOpened')} ·{' '}
                        {t(`complaintStatus.${c.status}` as 'complaintStatus.received', {
                          defaultValue: c.status,
                        })}{' '}
                        · {t('intake.hints.receivedOn', { date: f.date(c.receivedAt) })}
                        {c.violationFound && (
                          <>
                            {' '}
                            · <strong>{t('intake.hints.violationFound')}</strong>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
