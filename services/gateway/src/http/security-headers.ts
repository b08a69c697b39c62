import type { HttpRequest, HttpResponse, NextFn } from '@lse/service-kit';

/**
 * Headers every response of the gateway carries, whatever answers it (API, workbench, docs,
 * health, errors). A small middleware rather than helmet: helmet has no Permissions-Policy, and
 * its one global Content-Security-Policy would not fit the workbench's and the API viewer's
 * different ones, which their own handlers set.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const entries = Object.entries(SECURITY_HEADERS);

export function securityHeaders() {
  return (_req: HttpRequest, res: HttpResponse, next: NextFn): void => {
    for (const [name, value] of entries) res.setHeader(name, value);
    next();
  };
}
