import { isUtf8 } from 'node:buffer';
import { findUnsafeText } from '@lse/contracts';
import { ERROR_CODES, ProblemException, problemType } from '@lse/service-kit';

/** The deepest nesting a JSON request body may have; the API's own documents stay far below it. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest bracket nesting of JSON text, in one pass over the bytes (strings skipped), without
 * parsing: parsers and serializers recurse, and JSON.stringify overflows the stack at a few
 * thousand levels, which a 1 MB body reaches hundreds of times over.
 */
export function jsonDepth(text: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const REPLACEMENT = '\uFFFD';
/** U+FFFD as UTF-8: present in the bytes, it was sent as a character, not made by the decoder. */
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');

/**
 * Where a body that is not valid UTF-8 breaks, for the 400: the decoder turns each invalid
 * sequence into U+FFFD, so when the bytes hold no U+FFFD of their own, the strings holding one
 * are the fields sent broken. `(body)` when the bytes cannot say (JSON broken there too, or a real
 * U+FFFD sent as well).
 */
export function invalidUtf8Fields(body: Buffer): Array<{ path: string; message: string }> {
  const message = 'is not valid UTF-8';
  const whole = [{ path: '(body)', message: `the body ${message}` }];
  if (body.includes(REPLACEMENT_BYTES)) return whole;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return whole;
  }
  // The text rule's walk, looking for U+FFFD instead: here only invalid bytes can have made one.
  const fields = findUnsafeText(value, 20, (text) => (text.includes(REPLACEMENT) ? message : undefined)).map(
    (u) => ({ path: u.path.join('.') || '(body)', message: u.message }),
  );
  return fields.length ? fields : whole;
}

/** 400 for bytes that are not UTF-8: decoding would store U+FFFD in their place, silently and for good. */
export function refuseInvalidUtf8(
  body: Buffer,
  fields: () => Array<{ path: string; message: string }>,
): void {
  if (isUtf8(body)) return;
  throw new ProblemException({
    type: problemType(ERROR_CODES.validation.slug),
    title: ERROR_CODES.validation.title,
    status: 400,
    detail: 'The request body is not valid UTF-8.',
    errors: fields(),
  });
}

/**
 * body-parser `verify` for JSON bodies. A body nested deeper than `maxDepth` is a 400 before it is
 * parsed: without it, rows the gateway forwards unparsed (hours and wages) failed to serialize for
 * NATS and answered 503. A charset other than UTF-8 is a 415 (RFC 8259 section 8.1): body-parser
 * decodes any `utf-*`, and UTF-7 turned `+ADw-` into `<` behind the validation's back. Both found
 * by test/security/fuzz.spec.ts. Bytes that are not UTF-8 are a 400 naming the fields they are in
 * (the decoder would have stored U+FFFD in their place).
 */
export const checkJsonBody =
  (maxDepth = MAX_JSON_DEPTH) =>
  (_req: unknown, _res: unknown, body: Buffer, encoding: string): void => {
    if (encoding !== 'utf-8' && encoding !== 'utf8')
      throw new ProblemException({
        type: problemType(ERROR_CODES.unsupported_media_type.slug),
        title: ERROR_CODES.unsupported_media_type.title,
        status: 415,
        detail: 'A JSON body must be UTF-8.',
      });
    if (jsonDepth(body) > maxDepth)
      throw new ProblemException({
        type: problemType(ERROR_CODES.bad_request.slug),
        title: ERROR_CODES.bad_request.title,
        status: 400,
        detail: `The JSON body is nested deeper than ${maxDepth} levels.`,
      });
    refuseInvalidUtf8(body, () => invalidUtf8Fields(body));
  };
