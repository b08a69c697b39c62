import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/*
 * The intake form's name for each path the API's errors use, so that the summary at the top says
 * "Complainant 2 · Name" rather than `complainants.1.name`. Paths it does not know keep their
 * code form (ErrorAlert shows them as they are).
 */
const TOP = {
  channel: 'intake.source.channel',
  office: 'intake.source.office',
  receivedAt: 'intake.source.receivedAt',
  referralId: 'intake.source.referralId',
  intakeNotes: 'intake.notes.label',
  complainants: 'intake.complainants.legend',
  allegations: 'intake.allegations.legend',
} as const;
const ADDRESS = {
  street: 'intake.address.street',
  city: 'intake.address.city',
  state: 'intake.address.state',
  postalCode: 'intake.address.postalCode',
} as const;
const COMPLAINANT = {
  name: 'intake.complainant.name',
  phone: 'intake.complainant.phone',
  email: 'intake.complainant.email',
  preferredLanguage: 'intake.complainant.language',
  role: 'intake.complainant.role',
  address: 'intake.complainant.address',
} as const;
const EMPLOYER = {
  name: 'intake.employer.name',
  tradeName: 'intake.employer.tradeName',
  fein: 'intake.employer.fein',
  naics: 'intake.employer.naics',
  address: 'intake.employer.address',
} as const;
const ALLEGATION = {
  type: 'intake.allegation.type',
  periodStart: 'intake.allegation.periodStart',
  periodEnd: 'intake.allegation.periodEnd',
  workersAffected: 'intake.allegation.workers',
  ongoing: 'intake.allegation.ongoing',
  estimatedAmountCents: 'intake.allegation.estimate',
  description: 'intake.allegation.description',
} as const;

const lookup = <T extends Record<string, string>>(
  table: T,
  key: string | undefined,
): T[keyof T] | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;

export function useFieldLabel(): (path: string) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (path: string) => {
      const [head, second, third, fourth] = path.split('.');
      const join = (...parts: (string | undefined)[]) =>
        parts.includes(undefined) ? undefined : parts.join(' · ');
      if (second === undefined) {
        const key = lookup(TOP, head);
        return key && t(key);
      }
      if (head === 'employer') {
        if (second === 'address' && third !== undefined) {
          const key = lookup(ADDRESS, third);
          return join(t('intake.employer.legend'), key && t(key));
        }
        const key = lookup(EMPLOYER, second);
        return join(t('intake.employer.legend'), key && t(key));
      }
      const n = Number(second);
      if (!Number.isInteger(n)) return undefined;
      if (head === 'complainants') {
        const who = t('intake.complainant.legend', { n: n + 1 });
        if (third === 'address' && fourth !== undefined) {
          const key = lookup(ADDRESS, fourth);
          return join(who, t('intake.complainant.address'), key && t(key));
        }
        const key = lookup(COMPLAINANT, third);
        return third === undefined ? who : join(who, key && t(key));
      }
      if (head === 'allegations') {
        const which = t('intake.allegation.legend', { n: n + 1 });
        const key = lookup(ALLEGATION, third);
        return third === undefined ? which : join(which, key && t(key));
      }
      return undefined;
    },
    [t],
  );
}
