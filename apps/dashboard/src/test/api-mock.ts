import type { ApiErrorBody } from '@sdat/api-types';
import { vi } from 'vitest';

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

/**
 * Replaces `fetch` by a fake API: `routes` maps a path (without the query string) to a JSON body
 * (status 200) or to a `reply(status, body)`. Unknown paths answer 404 with a French message.
 * Returns the mock to inspect the requested URLs.
 */
export function mockApi(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const route = routes[url.pathname];
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
