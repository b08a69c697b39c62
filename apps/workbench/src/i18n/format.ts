import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Intl locale for each interface language: U.S. conventions, in English or Spanish. */
const LOCALES: Record<string, string> = { en: 'en-US', es: 'es-US' };

export interface Formatters {
  locale: string;
  /** Integer cents as dollars: 123456 -> $1,234.56. */
  money(cents: number | null | undefined): string;
  number(n: number | null | undefined, digits?: number): string;
  /**
   * A rate in cents per hour as the back-wage trace writes it, exact: "1200" or a fraction
   * "2225/3" -> $12.00, $7.4167 (up to four decimals, so a fractional regular rate shows).
   */
  rate(centsPerHour: string | null | undefined): string;
  /** A calendar date (YYYY-MM-DD) shown without a time zone shift. */
  date(isoDate: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
}

const DASH = '—';

export function formattersFor(language: string): Formatters {
  const locale = LOCALES[language] ?? 'en-US';
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  const rateFmt = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 4,
  });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    locale,
    money: (cents) => (cents == null ? DASH : money.format(cents / 100)),
    number: (n, digits = 0) =>
      n == null ? DASH : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    rate: (r) => {
      const m = r ? /^(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(r) : null;
      if (!m) return r ?? DASH;
      return rateFmt.format(Number(m[1]) / Number(m[2] ?? 1) / 100);
    },
    date: (d) => {
      if (!d) return DASH;
      const day = /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00Z`) : new Date(d);
      return Number.isNaN(day.getTime()) ? d : dateFmt.format(day);
    },
    dateTime: (iso) => {
      if (!iso) return DASH;
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : dateTimeFmt.format(at);
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formattersFor(i18n.language), [i18n.language]);
}
