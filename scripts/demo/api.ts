import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@lse/gateway/src/auth/mint-token';
import type { Role } from '@lse/gateway/src/auth/roles';

/** Who makes a request: a role, the user id (token `sub`) and, for partner staff, the organization. */
export interface Who {
  as: Role;
  sub: string;
  org?: string;
}

export interface Reply<T> {
  status: number;
  etag: string | null;
  body: T;
}

/** A failure with a message fit for one line: what was asked, what came back. */
export class DemoError extends Error {}

type Json = Record<string, unknown>;

/**
 * The public HTTP API as a curl user calls it: bearer tokens from the development issuer (what
 * `npm run token` mints), a fresh Idempotency-Key on every POST (so a re-run never replays an
 * earlier run's answers), If-Match when a version is given.
 */
export class DemoApi {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async token(who: Who): Promise<string> {
    const key = `${who.as}|${who.sub}|${who.org ?? ''}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = await mintDevToken({ roles: [who.as], sub: who.sub, org: who.org });
      this.tokens.set(key, token);
    }
    return token;
  }

  /** Fails with one clear line unless the gateway answers ready. */
  async ready(): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new DemoError(
        `the gateway is not reachable at ${this.baseUrl} (${cause}): start the system with \`npm start\` or set GATEWAY_URL`,
      );
    }
    if (res.status !== 200)
      throw new DemoError(
        `the gateway at ${this.baseUrl} is not ready (${res.status} ${(await res.text()).slice(0, 200)}): is every service up?`,
      );
  }

  /** Any answer, as it came. */
  async send<T = Json>(
    method: string,
    path: string,
    who: Who,
    options: { body?: unknown; ifMatch?: number; contentType?: string } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token(who)}` };
    if (method === 'POST') headers['idempotency-key'] = randomUUID();
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new DemoError(`${method} /api/v1${path}: no answer from ${this.baseUrl} (${cause})`);
    }
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('json')) {
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // keep the text
      }
    }
    return { status: res.status, etag: res.headers.get('etag'), body: parsed as T };
  }

  /** A 2xx answer, or a DemoError naming the request and the problem+json detail. */
  async ok<T = Json>(
    method: string,
    path: string,
    who: Who,
    options: { body?: unknown; ifMatch?: number; contentType?: string } = {},
  ): Promise<Reply<T>> {
    const reply = await this.send<T>(method, path, who, options);
    if (reply.status < 200 || reply.status > 299) throw new DemoError(describeFailure(method, path, reply));
    return reply;
  }

  get<T = Json>(path: string, who: Who): Promise<Reply<T>> {
    return this.ok<T>('GET', path, who);
  }

  post<T = Json>(
    path: string,
    who: Who,
    body: unknown,
    options: { ifMatch?: number; contentType?: string } = {},
  ): Promise<Reply<T>> {
    return this.ok<T>('POST', path, who, { ...options, body });
  }
}

function describeFailure(method: string, path: string, reply: Reply<unknown>): string {
  const b = reply.body as
    | { title?: string; detail?: string; errors?: Array<{ path?: string; field?: string; message?: string }> }
    | string;
  let what: string;
  if (typeof b === 'object' && b) {
    const errors = (b.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.path ?? e.field ?? ''} ${e.message ?? ''}`.trim())
      .join('; ');
    what = [b.title, b.detail, errors].filter(Boolean).join(': ');
  } else what = String(b ?? '').slice(0, 200);
  return `${method} /api/v1${path} answered ${reply.status}${what ? ` (${what})` : ''}`;
}

/** Polls `probe` until `ok` holds: handoffs between services are asynchronous (JetStream). */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new DemoError(`waited ${Math.round(timeoutMs / 1000)} s for ${what}; is every service running?`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
