import { ERROR_CODES, ProblemException, problemType } from '@lse/service-kit';
import { z } from 'zod';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const badCursor = (detail: string) =>
  new ProblemException({
    type: problemType(ERROR_CODES.invalid_cursor.slug),
    title: ERROR_CODES.invalid_cursor.title,
    status: ERROR_CODES.invalid_cursor.status,
    detail,
  });

/** Cursors are opaque to clients: base64url of a JSON position that only the server reads. */
export const encodeCursor = (position: unknown) =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw badCursor('The cursor is malformed.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('The cursor is malformed.');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw badCursor('The cursor is not valid for this list.');
  return result.data;
}

/** `limit` 1..200 (default 50) and an optional cursor, decoded with the list's position schema. */
export function parsePageQuery<S extends z.ZodType>(
  query: { cursor?: unknown; limit?: unknown },
  positionSchema: S,
): { limit: number; after: z.output<S> | undefined } {
  let limit = DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    const text =
      typeof query.limit === 'string' || typeof query.limit === 'number' ? String(query.limit) : '';
    limit = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT))
      throw badCursor(`limit must be an integer from 1 to ${MAX_LIMIT}.`);
  }
  if (query.cursor === undefined || query.cursor === '') return { limit, after: undefined };
  if (typeof query.cursor !== 'string') throw badCursor('The cursor is malformed.');
  return { limit, after: decodeCursor(query.cursor, positionSchema) };
}

/** Builds a page from up to limit+1 fetched rows: the extra row only says there is more. */
export function pageOf<T>(rows: T[], limit: number, positionOf: (last: T) => unknown): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit && items.length > 0;
  return { items, nextCursor: more ? encodeCursor(positionOf(items[items.length - 1])) : null };
}

/** The OpenAPI shape of a page of `item`. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
