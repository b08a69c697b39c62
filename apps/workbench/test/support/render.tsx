import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, MemoryRouter, RouterProvider, useParams } from 'react-router';
import '../../src/i18n';
import { i18n, type Language } from '../../src/i18n';
import { startSession, type Role } from '../../src/auth/session';

export function signIn(role: Role, id = `${role}.test`): void {
  startSession({
    accessToken: 'test-token',
    expiresAt: Date.now() + 3_600_000,
    actor: { id, role },
    method: 'development',
  });
}

/** Where a screen navigated to: the path the router ended on, shown by this stand-in. */
function Landed() {
  const params = useParams();
  return <p data-testid="landed">{Object.values(params).join('/')}</p>;
}

/**
 * A screen under a memory router at `path` (its route pattern `route`), with a fresh query
 * client (no retries: a failure shows at once) and the interface language `language`.
 */
export function renderRoute(
  element: ReactElement,
  { route, path, language = 'en' }: { route: string; path: string; language?: 'en' | 'es' },
) {
  void i18n.changeLanguage(language);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      { path: route, element },
      ...['/complaints/:caseId', '/cases/:caseId']
        .filter((p) => p !== route)
        .map((p) => ({ path: p, element: <Landed /> })),
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

export interface RenderOptions {
  /** The URL the component is rendered at (path and query). */
  route?: string;
  language?: Language;
  queryClient?: QueryClient;
}

/**
 * A part of a screen rendered as the app renders it (TanStack Query, a router, i18n), in the
 * language asked for, with a user-event session. Queries are not retried, so a failing call
 * shows its error at once.
 */
export async function renderWithApp(
  ui: ReactElement,
  { route = '/', language = 'en', queryClient }: RenderOptions = {},
): Promise<RenderResult & { user: UserEvent; queryClient: QueryClient }> {
  await i18n.changeLanguage(language);
  const client =
    queryClient ??
    new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { ...result, user, queryClient: client };
}
