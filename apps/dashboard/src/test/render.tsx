import type { SessionUser } from '@sdat/api-types';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { authKeys } from '../api/auth';
import App, { ROUTER_FUTURE } from '../app/app';
import { sessionUser } from './session';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

export interface RenderOptions {
  /**
   * The session already known when the app starts (as after a sign-in): the operator by default;
   * null: nobody signed in; `'fetch'`: read from `GET /api/auth/me` of the mocked API.
   */
  session?: SessionUser | null | 'fetch';
}

/** Renders `ui` (the whole app by default) at `route`, with a fresh QueryClient. */
export function renderAt(route: string, ui: ReactElement = <App />, options: RenderOptions = {}) {
  const client = testQueryClient();
  const session = options.session === undefined ? sessionUser('operator') : options.session;
  if (session !== 'fetch') {
    client.setQueryData(authKeys.me(), session);
  }
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]} future={ROUTER_FUTURE}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, client };
}
