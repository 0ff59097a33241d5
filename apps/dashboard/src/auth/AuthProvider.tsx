import type { SessionUser } from '@sdat/api-types';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, connectApiSession } from '../api/api-fetch';
import { authKeys, fetchMe, login, logout, useMe } from '../api/auth';
import { ErrorMessage, Loading } from '../components/QueryResult';

export interface AuthContextValue {
  /** The signed-in user (`GET /api/auth/me`), null when nobody is signed in. */
  user: SessionUser | null;
  /**
   * How the last session ended: `signed_out` (« Se déconnecter »), `expired` (a 401 in the middle
   * of the work: the user is brought back where they were once signed in again), null otherwise.
   */
  ended: SessionEnd | null;
  /** Signs in, clears every cached answer of the previous session, and returns the new user. */
  signIn: (email: string, password: string) => Promise<SessionUser>;
  /** Signs out (server-side revocation) and clears every cached answer. */
  signOut: () => Promise<void>;
}

export type SessionEnd = 'signed_out' | 'expired';

const AuthContext = createContext<AuthContextValue | null>(null);

/** The session; throws outside `AuthProvider`. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) {
    throw new Error('useAuth doit être utilisé sous <AuthProvider>.');
  }
  return value;
}

/** The signed-in user, or null (also outside `AuthProvider`). */
export function useSessionUser(): SessionUser | null {
  return useContext(AuthContext)?.user ?? null;
}

/**
 * Forgets every answer of the API but the session's own queries: data of one user must never be
 * shown to the next one (the scopes differ), nor kept after a sign-out.
 */
export function clearDataCache(queryClient: QueryClient): void {
  void queryClient.cancelQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.getMutationCache().clear();
}

function SessionCheck({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <>
      <ErrorMessage error={error} context="La session n’a pas pu être vérifiée." />
      <p>
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Réessayer
        </button>
      </p>
    </>
  );
}

/**
 * Reads the session once (`me` query) and gives it to the app: `useAuth()`. Connects `apiFetch`
 * to it: the CSRF token of writes comes from the `me` query, and a 401 of any request ends the
 * session on screen (the login page shows, then brings the user back where they were).
 */
export function AuthProvider({ children, fallback }: { children: ReactNode; fallback?: (content: ReactNode) => ReactNode }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const [ended, setEnded] = useState<SessionEnd | null>(null);

  useEffect(
    () =>
      connectApiSession({
        csrfToken: () => queryClient.getQueryData<SessionUser | null>(authKeys.me())?.csrfToken ?? null,
        onUnauthorized: () => {
          if (queryClient.getQueryData<SessionUser | null>(authKeys.me())) {
            clearDataCache(queryClient);
            setEnded('expired');
            queryClient.setQueryData(authKeys.me(), null);
          }
        },
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      await login(email, password);
      clearDataCache(queryClient);
      const user = await fetchMe();
      if (user === null) {
        throw new ApiError(
          401,
          'La connexion a réussi mais la session n’a pas pu être ouverte : le navigateur refuse peut-être les cookies de ce site.',
        );
      }
      setEnded(null);
      queryClient.setQueryData(authKeys.me(), user);
      return user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (error) {
      // Already ended on the server: nothing left to revoke.
      if (!(error instanceof ApiError && error.isUnauthorized)) {
        throw error;
      }
    }
    clearDataCache(queryClient);
    setEnded('signed_out');
    queryClient.setQueryData(authKeys.me(), null);
  }, [queryClient]);

  const user = me.data ?? null;
  const value = useMemo<AuthContextValue>(() => ({ user, ended, signIn, signOut }), [user, ended, signIn, signOut]);

  const frame = fallback ?? ((content: ReactNode) => content);
  if (me.isPending) {
    return <>{frame(<Loading label="Vérification de la session…" />)}</>;
  }
  if (me.isError) {
    return <>{frame(<SessionCheck error={me.error} onRetry={() => void me.refetch()} />)}</>;
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
