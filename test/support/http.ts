import { mintDevToken } from '@lse/gateway/src/auth/mint-token';
import type { Role } from '@lse/gateway/src/auth/roles';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small client for the public API, as a curl user would call it. */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async token(role: Role, sub = `${role}-1`, org?: string): Promise<string> {
    const key = `${role}|${sub}|${org ?? ''}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = await mintDevToken({ roles: [role], sub, org });
      this.tokens.set(key, token);
    }
    return token;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as?: Role; sub?: string; org?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as, options.sub, options.org)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: body as T };
  }
}
