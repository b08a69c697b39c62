import { ERROR_CODES, ProblemException, problemType } from '@lse/service-kit';

/** A stream version as a strong ETag: `"7"`. */
export const etagFor = (version: number) => `"${version}"`;

const badIfMatch = () =>
  new ProblemException({
    type: problemType(ERROR_CODES.invalid_if_match.slug),
    title: ERROR_CODES.invalid_if_match.title,
    status: ERROR_CODES.invalid_if_match.status,
    detail: 'If-Match must be one strong ETag holding a stream version, e.g. "7", or *.',
  });

/**
 * The expected stream version from If-Match: a number, `'any'` for `*`, or undefined when the
 * header is absent. Weak tags, lists and anything else are a 400 (strong comparison only).
 */
export function parseIfMatch(header: string | string[] | undefined): number | 'any' | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) {
    if (header.length !== 1) throw badIfMatch();
    header = header[0];
  }
  const value = header.trim();
  if (value === '*') return 'any';
  const match = /^"(0|[1-9]\d{0,15})"$/.exec(value);
  if (!match) throw badIfMatch();
  const version = Number(match[1]);
  if (!Number.isSafeInteger(version)) throw badIfMatch();
  return version;
}
