import { ERROR_CODES, PROBLEM_CONTENT_TYPE, problemType } from '@lse/service-kit';

export interface Probe {
  method: string;
  /** Path and query, starting with /api/v1. */
  url: string;
  token?: string;
  contentType?: string;
  /** Text (sent as UTF-8) or exact bytes. */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

/** One raw HTTP request: the body text and content type exactly as given. */
export async function send(baseUrl: string, probe: Probe): Promise<Answer> {
  const headers: Record<string, string> = { ...probe.headers };
  if (probe.token) headers.authorization = `Bearer ${probe.token}`;
  if (probe.contentType) headers['content-type'] = probe.contentType;
  const res = await fetch(`${baseUrl}${probe.url}`, { method: probe.method, headers, body: probe.body });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body };
}

/** The stable problem types: one per entry of ERROR_CODES. */
export const STABLE_PROBLEM_TYPES = new Set(Object.values(ERROR_CODES).map((c) => problemType(c.slug)));

/**
 * What is wrong with an error answer, if anything: it must be problem+json (RFC 9457) with a
 * stable `type` from ERROR_CODES, the same status in the body, and no stack trace.
 */
export function problemDefect(answer: Answer): string | undefined {
  if (!answer.contentType.startsWith(PROBLEM_CONTENT_TYPE))
    return `content-type ${answer.contentType || '(none)'}`;
  const p = answer.body as { type?: unknown; status?: unknown; title?: unknown } | undefined;
  if (!p || typeof p !== 'object') return 'body is not a JSON object';
  if (typeof p.type !== 'string' || !STABLE_PROBLEM_TYPES.has(p.type))
    return `type ${JSON.stringify(p.type)} is not a stable problem type`;
  if (p.status !== answer.status)
    return `body status ${JSON.stringify(p.status)} differs from ${answer.status}`;
  if (typeof p.title !== 'string') return 'no title';
  if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(answer.text))
    return 'a stack trace or source path leaked';
  return undefined;
}

export const short = (text: string | undefined, n = 160) =>
  text === undefined ? '(none)' : text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text;
