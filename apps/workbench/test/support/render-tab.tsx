import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { i18n } from '../../src/i18n';
import { startSession, type Role } from '../../src/auth/session';

/** Signs in as `id` with `role` (the token is never checked: the API is mocked). */
export function signInAs(role: Role, id: string): void {
  startSession({
    accessToken: 'test-token',
    expiresAt: Date.now() + 3_600_000,
    actor: { id, role },
    method: 'development',
  });
}

/**
 * A case-file tab at its URL (/cases/:caseId/<tab>, query string and all), with a fresh query
 * client (no retries: a failure shows at once) in the interface language asked for.
 */
export function renderTab(
  element: ReactElement,
  { path, language = 'en' }: { path: string; language?: 'en' | 'es' },
) {
  void i18n.changeLanguage(language);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter([{ path: '/cases/:caseId/:tab', element }], { initialEntries: [path] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}
