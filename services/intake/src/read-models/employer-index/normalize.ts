import type { Employer } from '@lse/contracts';

/** Legal-form words that differ between filings of one business ("Acme, Inc." vs "ACME"). */
const SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'lllp',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'pllc',
  'pc',
]);

const ADDRESS_WORDS: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  boulevard: 'blvd',
  road: 'rd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  highway: 'hwy',
  suite: 'ste',
  apartment: 'apt',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
};

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.']/g, '') // "L.L.C." -> "llc", "Joe's" -> "joes"
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Lower case, no punctuation, no leading "the", no trailing legal-form suffixes. */
export function normalizeEmployerName(name: string): string {
  const tokens = words(name);
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1])) tokens.pop();
  return tokens.join(' ');
}

/** Digits only ("94-1234567" -> "941234567"). */
export function normalizeFein(fein: string | undefined): string | null {
  if (!fein) return null;
  const digits = fein.replace(/\D/g, '');
  return digits.length === 9 ? digits : null;
}

/** An address typed as one line ("1200 Mission Street, San Francisco CA 94103-1234"), normalized the same way. */
export function normalizeAddressText(address: string): string {
  // ZIP+4 to the 5-digit ZIP, as normalizeAddress keeps it.
  return words(address.replace(/\b(\d{5})-\d{4}\b/g, '$1'))
    .map((w) => ADDRESS_WORDS[w] ?? w)
    .join(' ');
}

/** Street, city, state and 5-digit ZIP, lower case with common abbreviations. */
export function normalizeAddress(address: Employer['address']): string {
  const street = words(address.street).map((w) => ADDRESS_WORDS[w] ?? w);
  return [
    ...street,
    ...words(address.city),
    address.state.toLowerCase(),
    address.postalCode.slice(0, 5),
  ].join(' ');
}
