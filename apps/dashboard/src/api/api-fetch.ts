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

  /** 401: no session, or the session has ended. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  /** 403: signed in, but the role or the scope of the organisation does not cover the resource. */
  get isForbidden(): boolean {
    return this.status === 403;
  }

  /** 409: the resource changed in the meantime (optimistic locking) or already exists. */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** Header the API requires on every request that is not a GET (anti-CSRF, see apps/api/src/auth). */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * How `apiFetch` reaches the signed-in session without importing React: the auth provider
 * connects the CSRF token of the `me` query and what to do when the API answers 401.
 */
export interface ApiSession {
  /** The CSRF token of the current session (`GET /api/auth/me`), null when signed out. */
  csrfToken: () => string | null;
  /** Called once per 401 answer of a request that needed a session: the app shows the login page. */
  onUnauthorized: (error: ApiError) => void;
}

const NO_SESSION: ApiSession = { csrfToken: () => null, onUnauthorized: () => undefined };
let session: ApiSession = NO_SESSION;

/** Connects the session (see `ApiSession`); returns the function that disconnects it. */
export function connectApiSession(next: ApiSession): () => void {
  session = next;
  return () => {
    if (session === next) {
      session = NO_SESSION;
    }
  };
}

export interface ApiFetchInit extends Omit<RequestInit, 'body'> {
  /** Sent as the JSON body (with `Content-Type: application/json`). */
  json?: unknown;
  /** Sent as a multipart body (a file upload); the browser sets its `Content-Type`. */
  formData?: FormData;
  /**
   * False for the requests whose 401 is an answer, not an ended session: the sign-in itself
   * (wrong credentials) and `GET /api/auth/me` (nobody signed in). Default true.
   */
  sessionRequired?: boolean;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const message = (value as { message?: unknown }).message;
  return typeof message === 'string' || (Array.isArray(message) && message.every((item) => typeof item === 'string'));
}

function defaultMessage(status: number): string {
  if (status === 401) {
    return 'Connexion requise : votre session a pris fin.';
  }
  if (status === 403) {
    return 'Accès refusé : votre rôle ou le périmètre de votre organisation ne couvre pas cette ressource.';
  }
  if (status === 404) {
    return 'La ressource demandée est introuvable.';
  }
  if (status === 429) {
    return 'Trop de tentatives : patientez quelques minutes puis réessayez.';
  }
  if (status >= 500) {
    return `Le serveur a rencontré une erreur (code ${status}). Réessayez dans quelques instants.`;
  }
  return `La requête a été refusée par le serveur (code ${status}).`;
}

function headersOf(init: ApiFetchInit, method: string): Headers {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) {
    headers.set('Accept', 'application/json');
  }
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (!SAFE_METHODS.has(method)) {
    const token = session.csrfToken();
    if (token !== null && token !== '') {
      headers.set(CSRF_HEADER, token);
    }
  }
  return headers;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isApiErrorBody(body)) {
    const message = Array.isArray(body.message) ? body.message.join(' ; ') : body.message;
    return new ApiError(response.status, message || defaultMessage(response.status), body);
  }
  return new ApiError(response.status, defaultMessage(response.status));
}

/**
 * The one way the dashboard calls the API: sends the session cookie (same origin), the
 * `X-CSRF-Token` header of the session on every write, and reads the JSON answer. Throws an
 * `ApiError` carrying the French message of the API's error body on any non-2xx answer, or a
 * French message of its own when the server cannot be reached or answers something that is not
 * JSON. A 401 of a request that needed a session also tells the session (the login page shows).
 */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const { json, formData, sessionRequired = true, ...rest } = init;
  const method = (rest.method ?? 'GET').toUpperCase();
  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      method,
      credentials: 'same-origin',
      headers: headersOf(init, method),
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      ...(formData === undefined ? {} : { body: formData }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, "Impossible de joindre le serveur de l'API. Vérifiez votre connexion puis réessayez.");
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.isUnauthorized && sessionRequired) {
      session.onUnauthorized(error);
    }
    throw error;
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
