import type { AuthConfigView, DemoAccountView, SessionUser } from '@sdat/api-types';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch, apiUrl } from './api-fetch';

/** React Query keys of the session ("connexion"). */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  demoAccounts: () => [...authKeys.all, 'demo-accounts'] as const,
  config: () => [...authKeys.all, 'config'] as const,
};

/** `GET /api/auth/me`: the signed-in user, or null when nobody is signed in (401). */
export async function fetchMe(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return await apiFetch<SessionUser>(apiUrl('auth/me'), { signal, sessionRequired: false });
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) {
      return null;
    }
    throw error;
  }
}

/** `POST /api/auth/login`: sets the session cookie; a 401 is « Identifiant ou mot de passe incorrect. ». */
export function login(email: string, password: string): Promise<{ ok: true }> {
  return apiFetch<{ ok: true }>(apiUrl('auth/login'), { method: 'POST', json: { email, password }, sessionRequired: false });
}

/** `POST /api/auth/logout` (with the CSRF header, as every write). */
export function logout(): Promise<{ ok: true }> {
  return apiFetch<{ ok: true }>(apiUrl('auth/logout'), { method: 'POST', sessionRequired: false });
}

/** `GET /api/auth/demo-accounts`: the public demo accounts; an empty list outside demo mode (404). */
export async function fetchDemoAccounts(signal?: AbortSignal): Promise<DemoAccountView[]> {
  try {
    return await apiFetch<DemoAccountView[]>(apiUrl('auth/demo-accounts'), { signal, sessionRequired: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return [];
    }
    throw error;
  }
}

const OIDC_OFF: AuthConfigView = { oidc: { enabled: false, label: null } };

/** `GET /api/auth/config`: whether sign-in through the identity provider (OIDC) is on; off when unknown (404). */
export async function fetchAuthConfig(signal?: AbortSignal): Promise<AuthConfigView> {
  try {
    return await apiFetch<AuthConfigView>(apiUrl('auth/config'), { signal, sessionRequired: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return OIDC_OFF;
    }
    throw error;
  }
}

/**
 * Where the button « Se connecter avec … » goes: a full-page navigation (not a fetch) to the API,
 * which redirects to the identity provider; `retour` is the page to come back to once signed in.
 */
export function oidcLoginUrl(returnTo: string | null): string {
  return apiUrl('auth/oidc/login', { retour: returnTo ?? undefined });
}

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    // Changes only at sign-in and sign-out, which set it themselves.
    staleTime: Infinity,
  });
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: authKeys.demoAccounts(),
    queryFn: ({ signal }) => fetchDemoAccounts(signal),
    staleTime: Infinity,
  });
}

export function useAuthConfig() {
  return useQuery({
    queryKey: authKeys.config(),
    queryFn: ({ signal }) => fetchAuthConfig(signal),
    staleTime: Infinity,
  });
}
