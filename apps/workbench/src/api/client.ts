import createClient, { type Middleware } from 'openapi-fetch';
import { endSession, getSession } from '../auth/session';
import { ApiError, type Problem } from './problem';
import type { paths } from './schema';

/**
 * The one way the workbench talks to the gateway: typed by the OpenAPI document, the bearer token
 * added here, and every failure turned into an ApiError (a 401 also ends the session, so the
 * routes send the person to sign in again and back).
 */
export const api = createClient<paths>({ baseUrl: '' });

const auth: Middleware = {
  onRequest({ request }) {
    const session = getSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  async onResponse({ request, response, schemaPath }) {
    if (response.ok) return response;
    const operation = `${request.method} ${schemaPath}`;
    let problem: Problem = { status: response.status };
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) problem = ((await response.clone().json()) as Problem) ?? problem;
    if (response.status === 401 && request.headers.has('Authorization')) endSession('expired');
    throw new ApiError(response.status, problem, operation);
  },
  onError({ error, request, schemaPath }) {
    if (error instanceof ApiError) return error;
    return new ApiError(0, { detail: (error as Error)?.message }, `${request.method} ${schemaPath}`);
  },
};
api.use(auth);

/** The data of a successful call (failures have already thrown an ApiError). */
export function ok<T>(result: { data?: T }): T {
  return result.data as T;
}

/** A fresh Idempotency-Key per submission: a retried click is answered once by the gateway. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** The If-Match of an action on a stream at a known version (the ETag of its GET). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}
