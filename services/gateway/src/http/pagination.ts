import { ERROR_CODES, ProblemException, problemType } from '@lse/service-kit';
import { z } from 'zod';
import type { CallContext, ServicesClient } from '../services/services-client';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** The page fields of a list route's query (`limit` is text on the wire, read by parsePageQuery). */
export const PAGE_QUERY = { cursor: z.string().optional(), limit: z.string().optional() };

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

/** A list route's query: its filters plus the page's cursor and limit. */
export type PagedQuery = Record<string, unknown> & { cursor?: string; limit?: string };

/** How a list is keyset-paged: the position its cursors hold, and the position of a row. */
export interface Keyset<T> {
  position: z.ZodType;
  of: (row: T) => unknown;
}

/**
 * One page of a service's read model: sends `{filters, limit, after}` asking for one row more
 * than the limit (to learn whether a next page exists) and encodes the last row as the cursor.
 * `filtersOf` turns the query's text filters into what the service takes.
 */
export async function listPage<T>(
  services: ServicesClient,
  subject: string,
  query: PagedQuery,
  ctx: CallContext,
  keyset: Keyset<T>,
  filtersOf: (filters: Record<string, unknown>) => Record<string, unknown> = (filters) => filters,
): Promise<Page<T>> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const { limit, after } = parsePageQuery(query, keyset.position);
  const { items } = await services.call<{ items: T[] }>(
    subject,
    { filters: filtersOf(filters), limit: limit + 1, ...(after ? { after } : {}) },
    ctx,
  );
  return pageOf(items, limit, keyset.of);
}
