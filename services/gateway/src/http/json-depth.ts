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

/**
 * body-parser `verify` for JSON bodies. A body nested deeper than `maxDepth` is a 400 before it is
 * parsed: without it, rows the gateway forwards unparsed (hours and wages) failed to serialize for
 * NATS and answered 503. A charset other than UTF-8 is a 415 (RFC 8259 section 8.1): body-parser
 * decodes any `utf-*`, and UTF-7 turned `+ADw-` into `<` behind the validation's back. Both found
 * by test/security/fuzz.spec.ts.
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
  };
