import { z } from 'zod';
import type { FieldError } from './problem';

/** The parts of a zod issue the field errors use (zod 4's issue shapes, read defensively). */
export interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  values?: unknown[];
  keys?: string[];
  expected?: string;
  inclusive?: boolean;
}

const zodEnglish = z.locales.en();

// zod's standard words end with what it received, from the input, which issues do not keep.
const withoutReceived = (message: string) => message.replace(/, received .*$/, '');

/** True when the schema gave this check its own words (`.positive({ error: '...' })`): keep them. */
function isOwnMessage(issue: ZodLikeIssue): boolean {
  const standard = zodEnglish.localeError(issue as unknown as Parameters<typeof zodEnglish.localeError>[0]);
  const text = typeof standard === 'string' ? standard : standard?.message;
  return text === undefined || withoutReceived(issue.message) !== withoutReceived(text);
}

const FORMAT_HINTS: Record<string, string> = {
  email: 'Enter an e-mail address, like name@example.org.',
  uuid: 'Enter an id as the system shows it, like 3f2b6c1e-8d4a-4c4e-9a57-2b1f0c9d7e61.',
  date: 'Enter a date as YYYY-MM-DD, like 2026-03-02.',
  datetime: 'Enter a date and time (ISO 8601), like 2026-03-02T10:00:00Z.',
};

const asNumber = (n: number | bigint | undefined) => (n === undefined ? undefined : Number(n));

/**
 * One field error per zod issue, saying what to do rather than what zod found ("Too small:
 * expected string to have >=1 characters" becomes "Required: enter a value."). `code` and
 * `limit` let a client say the same in its own language; the message is the English fallback.
 * A schema's own message (a refinement, or a check given its own words) is kept as written.
 */
export function fieldErrorFromIssue(issue: ZodLikeIssue): FieldError {
  const path = issue.path.map(String).join('.');
  const say = (code: string, message: string, extra: Partial<FieldError> = {}): FieldError => ({
    path,
    message,
    code,
    ...extra,
  });
  // A rule's own words were written for people already (and may say more than the bound).
  if (isOwnMessage(issue)) return { path, message: issue.message };
  const min = asNumber(issue.minimum);
  const exclusive: { inclusive?: false } = issue.inclusive === false ? { inclusive: false } : {};
  const max = asNumber(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 reports a missing field as an invalid type whose input was undefined.
      if (/received undefined$/.test(issue.message)) return say('required', 'Required: enter a value.');
      {
        const expected = issue.expected ?? 'value';
        return say('invalid_type', `Expected ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}.`);
      }
    case 'too_small':
      if (issue.origin === 'string')
        return min !== undefined && min <= 1
          ? say('required', 'Required: enter a value.')
          : say('too_short', `Too short: use at least ${min} characters.`, { limit: min });
      if (issue.origin === 'array' || issue.origin === 'set')
        return say(
          'too_few',
          min === 1 ? 'Add at least one.' : `Add at least ${min} items.`,
          min !== undefined ? { limit: min } : {},
        );
      return say(
        'too_small',
        exclusive.inclusive === false ? `Enter more than ${min}.` : `Enter ${min} or more.`,
        {
          ...(min !== undefined ? { limit: min } : {}),
          ...exclusive,
        },
      );
    case 'too_big':
      if (issue.origin === 'string')
        return say('too_long', `Too long: use at most ${max} characters.`, { limit: max });
      if (issue.origin === 'array' || issue.origin === 'set')
        return say('too_many', max === 1 ? 'At most one.' : `At most ${max} items.`, { limit: max });
      return say(
        'too_big',
        exclusive.inclusive === false ? `Enter less than ${max}.` : `Enter ${max} or less.`,
        {
          ...(max !== undefined ? { limit: max } : {}),
          ...exclusive,
        },
      );
    case 'invalid_format': {
      const hint = issue.format ? FORMAT_HINTS[issue.format] : undefined;
      return hint ? say('invalid_format', hint, { format: issue.format }) : { path, message: issue.message };
    }
    case 'invalid_value': {
      const options = (issue.values ?? []).map(String);
      return options.length > 0 && options.length <= 12
        ? say('invalid_option', `Choose one of: ${options.join(', ')}.`, { options })
        : say('invalid_option', 'Choose one of the options offered.');
    }
    case 'unrecognized_keys':
      return say(
        'unknown_field',
        `Remove what this request does not take: ${(issue.keys ?? []).join(', ')}.`,
      );
    default:
      return { path, message: issue.message };
  }
}

export function fieldErrorsFromZod(issues: ZodLikeIssue[]): FieldError[] {
  return issues.map(fieldErrorFromIssue);
}
