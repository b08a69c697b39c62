import type { TextFinding } from './text-finder';

/*
 * Personal data by pattern. Each is written to avoid what case notes are full of: dates
 * ("2026-03-14"), amounts ("$1,234.56"), case numbers ("LSE-2026-000123"), hours ("40.5").
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** US numbers (optional +1, area code in parentheses or not) and international numbers with +. */
const PHONE =
  /(?<![\w+])(?:(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}|\+(?:[2-9]\d{0,2})(?:[\s.-]?\d{1,4}){2,5})(?![\w-])/g;

/** 123-45-6789 or 123 45 6789; nine bare digits only after "SSN", "ITIN" or "social security". */
const SSN_SHAPED = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/g;
const SSN_BARE =
  /(?:\bSSN|\bITIN|social security(?: (?:number|no\.?|#))?|seguro social)\s*(?:#|:|is|was)?\s*(\d{9})(?!\d)/gi;

const STREET_WORDS =
  'Street|Avenue|Boulevard|Road|Drive|Lane|Way|Court|Place|Terrace|Parkway|Highway|Circle|Square|Trail|Alley|Plaza|Loop|Row|Path';
const STREET_ABBREVIATIONS = 'St|Ave|Av|Blvd|Rd|Dr|Ln|Ct|Pl|Ter|Pkwy|Hwy|Cir|Sq|Trl|Aly';
/** A street suffix, in Title or upper case; an abbreviation may end with its period. */
const SUFFIX = `(?:(?:${STREET_WORDS}|${STREET_WORDS.toUpperCase()})\\b|(?:${STREET_ABBREVIATIONS}|${STREET_ABBREVIATIONS.toUpperCase()})\\b\\.?)`;
/**
 * A US street address: a house number, up to four capitalised words or ordinals ("5th"), a street
 * suffix; then an optional unit and an optional ", City, ST 94110". Case-sensitive on purpose:
 * "worked 12 hours on the street" is not an address. A P.O. box too.
 */
const ADDRESS = new RegExp(
  String.raw`(?<![\w-])\d{1,6}[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][\p{L}'.-]*|\d+(?:st|nd|rd|th))\s+){1,4}${SUFFIX}` +
    String.raw`(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*#?[\w-]+)?` +
    String.raw`(?:,\s*[A-Z][\p{L} .'-]{1,40},\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?)?` +
    String.raw`|\bP\.?\s?O\.?\s+Box\s+\d+`,
  'gu',
);

/** An SSN's area, group and serial as the SSA issues them; an ITIN starts with 9. */
function ssnKind(area: string, group: string, serial: string): 'ssn' | 'itin' | undefined {
  if (group === '00' || serial === '0000') return undefined;
  if (area.startsWith('9')) return 'itin';
  if (area === '000' || area === '666') return undefined;
  return 'ssn';
}

export function findPatterns(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(EMAIL))
    out.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(SSN_SHAPED)) {
    const kind = ssnKind(m[1], m[3], m[4]);
    if (kind) out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SSN_BARE)) {
    const digits = m[1];
    const kind = ssnKind(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5));
    const start = m.index + m[0].lastIndexOf(digits);
    if (kind) out.push({ kind, start, end: start + 9 });
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 10 && digits <= 15) out.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(ADDRESS))
    out.push({ kind: 'address', start: m.index, end: m.index + m[0].trimEnd().length });
  return out;
}
