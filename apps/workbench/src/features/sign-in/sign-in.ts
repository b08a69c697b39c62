import type { Actor, Session } from '../../auth/session';

/** Who the token belongs to, as the gateway will record it (GET /api/v1/whoami). */
export async function whoami(accessToken: string): Promise<Actor> {
  const response = await fetch('/api/v1/whoami', {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`whoami: HTTP ${response.status}`);
  return (await response.json()) as Actor;
}

export interface DevelopmentSignIn {
  role: Actor['role'];
  subject: string;
  org?: string;
}

export interface FieldErrors {
  [path: string]: string;
}

/** Development sign-in: a token from the local development issuer (the endpoint exists only then). */
export async function developmentSession(
  input: DevelopmentSignIn,
): Promise<Session | { errors: FieldErrors; detail?: string }> {
  const response = await fetch('/api/v1/auth/development-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(input.role === 'partner' ? input : { role: input.role, subject: input.subject }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      detail?: string;
      errors?: { path: string; message: string }[];
    };
    const errors: FieldErrors = {};
    for (const e of problem.errors ?? []) errors[e.path] ??= e.message;
    return { errors, detail: problem.detail ?? `HTTP ${response.status}` };
  }
  const token = (await response.json()) as { accessToken: string; expiresAt: string };
  const actor = await whoami(token.accessToken);
  return {
    accessToken: token.accessToken,
    expiresAt: Date.parse(token.expiresAt),
    actor,
    method: 'development',
  };
}
