import { z } from 'zod';
import { isIsoDate } from '@lse/domain';

/*
 * Unclassified building blocks. They are factories, so every use gets its own instance and is
 * classified where it is used (see `classify`).
 */

export const uuid = () => z.uuid();

export const isoDate = () => z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

/** An instant with an explicit offset ("...Z" or "...-08:00"): never a local time. */
export const instant = () => z.iso.datetime({ offset: true });

/** Integer cents, never floats (docs/architecture.md#the-event-catalog). */
export const centsAmount = () => z.int().nonnegative();

export const text = (max: number) => z.string().trim().min(1).max(max);

/** An agency office code, e.g. "SF" or "WHD-LA". */
export const officeCode = () =>
  z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'expected an office code like "SF-01"');

/** A statute citation or short name: "FLSA", "29 U.S.C. 206", "CA Lab. Code 1194". */
export const statute = () => text(120);

export const usAddress = () =>
  z.strictObject({
    street: text(200),
    city: text(100),
    state: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code'),
    postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'expected a ZIP code'),
  });

/** BCP-47-ish: "es", "en-US", "zh-Hant", "yue". */
export const languageTag = () =>
  z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag like "es" or "zh-Hant"');

export const phone = () => z.string().regex(/^\+?[0-9][0-9 ().-]{6,24}$/, 'expected a phone number');

/**
 * The indexes of ids that already appeared earlier in the list (every repeat after the first),
 * in one pass. `ids.indexOf(id) !== i` for each id gives the same answer in time quadratic in the
 * list: for the 14,000 worker shares a 1 MB body holds, over a second of CPU per validation.
 */
export function repeatedIndexes(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) repeats.push(i);
    else seen.add(id);
  });
  return repeats;
}
