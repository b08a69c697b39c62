import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The parts of Express's request and response this code uses (the workspace has no
 * @types/express; these match Express 5 under @nestjs/platform-express).
 */
export interface HttpRequest extends IncomingMessage {
  body?: unknown;
  path: string;
  baseUrl: string;
  originalUrl: string;
  route?: { path?: unknown };
  ip?: string;
  query: Record<string, unknown>;
  params: Record<string, string>;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  json(body: unknown): this;
  send(body?: unknown): this;
}

export type NextFn = (err?: unknown) => void;
