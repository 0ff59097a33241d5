import type { ApiErrorBody } from '@sdat/api-types';

/** Error of an API call; `message` is in French and can be shown as is. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly body: ApiErrorBody | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** 4xx: the request itself is wrong (unknown code, bad parameter): retrying won't help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const message = (value as { message?: unknown }).message;
  return typeof message === 'string' || (Array.isArray(message) && message.every((item) => typeof item === 'string'));
}

function defaultMessage(status: number): string {
  if (status === 404) {
    return 'La ressource demandée est introuvable.';
  }
  if (status >= 500) {
    return `Le serveur a rencontré une erreur (code ${status}). Réessayez dans quelques instants.`;
  }
  return `La requête a été refusée par le serveur (code ${status}).`;
}

/**
 * GET (by default) a JSON resource of the API. Throws an `ApiError` carrying the French
 * message of the API's error body on any non-2xx answer, or a French message of its own
 * when the server cannot be reached or answers something that is not JSON.
 */
export async function fetchJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, "Impossible de joindre le serveur de l'API. Vérifiez votre connexion puis réessayez.");
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (isApiErrorBody(body)) {
      const message = Array.isArray(body.message) ? body.message.join(' ; ') : body.message;
      throw new ApiError(response.status, message || defaultMessage(response.status), body);
    }
    throw new ApiError(response.status, defaultMessage(response.status));
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, "La réponse du serveur n'est pas au format attendu.");
  }
}

/** Builds `/api/<path>?<params>`, encoding every parameter. */
export function apiUrl(path: string, params: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined) {
      search.set(key, String(value));
    }
  });
  const query = search.toString();
  return `/api/${path}${query === '' ? '' : `?${query}`}`;
}
