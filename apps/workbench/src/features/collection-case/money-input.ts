/**
 * Dollars as a person types them ("1,234.5", "$20") to integer cents, exactly: the digits are
 * read as text, never through a floating-point product. Undefined when it is not an amount.
 */
export function parseDollars(typed: string): number | undefined {
  const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/.exec(typed.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const whole = Number((m[1] ?? '0').replace(/,/g, ''));
  const fraction = Number((m[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** Cents as an editable dollar amount: 12345 -> "123.45". */
export function dollarsText(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
