import { ValidationError } from './errors';

declare const centsBrand: unique symbol;
/** An amount of money in integer cents (may be negative, e.g. a reversal). Never a float. */
export type Cents = number & { readonly [centsBrand]: true };

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Brands a number as cents; rejects NaN, infinities, fractions and unsafe integers. */
export function cents(value: number): Cents {
  if (!isCents(value)) {
    throw new ValidationError(`not a whole number of cents: ${value}`, { value });
  }
  // -0 would format as "-$0.00"; it is the same amount as 0.
  return (value === 0 ? 0 : value) as Cents;
}

export const ZERO_CENTS = cents(0);

/** Sums amounts; the result is checked, so overflow past 2^53 throws instead of losing cents. */
export function addCents(...amounts: Cents[]): Cents {
  return cents(amounts.reduce<number>((sum, amount) => sum + amount, 0));
}

export function subtractCents(from: Cents, amount: Cents): Cents {
  return cents(from - amount);
}

export function sumCents(amounts: readonly Cents[]): Cents {
  return addCents(...amounts);
}

/** Display form: 123456 -> "$1,234.56", -5 -> "-$0.05". Not for storage or arithmetic. */
export function formatCents(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const dollars = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${sign}$${dollars}.${rest}`;
}

// Optional sign, optional "$", dollars either plain or with correct thousands groups, up to 2 decimals.
const DECIMAL = /^(-)?\$?(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/**
 * Parses "12.34", "$1,234.5", "-0.05" to cents by string arithmetic, so no float error.
 * More than two decimals is rejected rather than rounded: silently dropping a fraction of a
 * cent from an entered amount would hide a data-entry mistake.
 */
export function parseCents(text: string): Cents {
  const match = DECIMAL.exec(text.trim());
  if (!match) {
    throw new ValidationError(`not a money amount: "${text}"`, { text });
  }
  const [, minus, dollars, fraction = ''] = match;
  const digits = dollars.replace(/,/g, '') + fraction.padEnd(2, '0');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) {
    throw new ValidationError(`money amount too large: "${text}"`, { text });
  }
  return cents(minus ? -value : value);
}
