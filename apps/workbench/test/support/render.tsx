import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { i18n, type Language } from '../../src/i18n';

export interface RenderOptions {
  /** The URL the component is rendered at (path and query). */
  route?: string;
  language?: Language;
  queryClient?: QueryClient;
}

/**
 * Renders a screen or a part of one as the app does (TanStack Query, the router, i18n), in the
 * language asked for. Queries are not retried, so a failing call shows its error at once.
 */
export async function renderWithApp(
  ui: ReactElement,
  { route = '/', language = 'en', queryClient }: RenderOptions = {},
): Promise<RenderResult & { user: UserEvent; queryClient: QueryClient }> {
  await i18n.changeLanguage(language);
  const client = queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
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
