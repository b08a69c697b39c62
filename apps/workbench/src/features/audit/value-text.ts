import type { Formatters } from '../../i18n/format';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A replayed field's value as a person reads it: amounts in cents as money (the field names
 * say `...Cents`), instants in the interface's locale, the rest as stored. The stored text is
 * kept beside anything reformatted, so nothing is hidden from the auditor.
 */
export function valueText(
  path: string,
  value: unknown,
  f: Formatters,
  words: { empty: string; emptyList: string; yes: string; no: string },
): { text: string; stored?: string } {
  if (value === undefined) return { text: '' };
  if (value === null) return { text: 'null' };
  if (Array.isArray(value)) return { text: words.emptyList };
  if (typeof value === 'object') return { text: words.empty };
  if (typeof value === 'boolean') return { text: value ? words.yes : words.no, stored: String(value) };
  if (typeof value === 'number' && /cents$/i.test(path) && Number.isInteger(value))
    return { text: f.money(value), stored: String(value) };
  if (typeof value === 'string' && INSTANT.test(value)) return { text: f.dateTime(value), stored: value };
  return { text: typeof value === 'string' ? value : JSON.stringify(value) };
}
