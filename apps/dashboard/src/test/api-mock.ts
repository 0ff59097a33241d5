import type { ApiErrorBody } from '@sdat/api-types';
import { vi } from 'vitest';
import { sessionUser } from './session';

export interface MockReply {
  status: number;
  body: unknown;
}

/** A reply with an explicit status: `reply(404, { statusCode: 404, error: 'Not Found', message: '…' })`. */
export function reply(status: number, body: unknown): MockReply {
  return { status, body };
}

export function notFound(message: string): MockReply {
  const body: ApiErrorBody = { statusCode: 404, error: 'Not Found', message };
  return reply(404, body);
}

function isReply(value: unknown): value is MockReply {
  return value !== null && typeof value === 'object' && 'status' in value && 'body' in value;
}

/** A route answering by the query string: `byQuery((params) => params.get('year') === '2022' ? a : b)`. */
export interface QueryRoute {
  byQuery: (params: URLSearchParams) => unknown;
}

export function byQuery(answer: (params: URLSearchParams) => unknown): QueryRoute {
  return { byQuery: answer };
}

function isQueryRoute(value: unknown): value is QueryRoute {
  return value !== null && typeof value === 'object' && 'byQuery' in value;
}

/**
 * Replaces `fetch` by a fake API: `routes` maps a path (without the query string) to a JSON body
 * (status 200), to a `reply(status, body)`, or to `byQuery(params => …)` answering either of them
 * by the query string. Unknown paths answer 404 with a French message. Unless `routes` says
 * otherwise, `GET /api/auth/me` answers the operator's session (the pages are behind the sign-in).
 * Returns the mock to inspect the requested URLs (and the `init` of each call).
 */
export function mockApi(routes: Record<string, unknown>) {
  routes = { '/api/auth/me': sessionUser('operator'), ...routes };
  const fetchMock = vi.fn<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>(async (input) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const declared = routes[url.pathname];
    const route = isQueryRoute(declared) ? declared.byQuery(url.searchParams) : declared;
    const answer = route === undefined ? notFound(`Ressource introuvable : ${url.pathname}`) : isReply(route) ? route : reply(200, route);
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      json: async () => answer.body,
    } as Response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
