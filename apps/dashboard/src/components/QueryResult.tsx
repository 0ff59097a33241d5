import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/api-fetch';
import { useSessionUser } from '../auth/AuthProvider';
import { homePathFor } from '../auth/access';
import { useDocumentTitle } from '../use-document-title';

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

/** French message of a failed request (the API's own message when there is one). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.message;
  }
  return 'Une erreur inattendue est survenue. Rechargez la page ou réessayez plus tard.';
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.isForbidden;
}

export function ErrorMessage({ error, context }: { error: unknown; context?: string }) {
  return (
    <div className="alert alert--error" role="alert">
      <p>
        <strong>{isForbidden(error) ? 'Accès refusé.' : (context ?? 'Les données n’ont pas pu être chargées.')}</strong>{' '}
        {errorMessage(error)}
      </p>
    </div>
  );
}

/**
 * A whole page the user may not see: the role does not open it, or the programme or agreement
 * is outside the scope of their organisation (the API's 403 message says which).
 */
export function AccessDenied({ message }: { message?: string }) {
  useDocumentTitle('Accès refusé');
  const user = useSessionUser();
  return (
    <>
      <h1>Accès refusé</h1>
      <div className="alert alert--error" role="alert">
        <p>{message ?? 'Votre rôle ne donne pas accès à cette page.'}</p>
      </div>
      <p>
        Si vous pensez devoir y accéder, demandez à l’administrateur de la plateforme de vérifier le rôle et
        l’organisation de votre compte.
      </p>
      <p>
        <Link to={user === null ? '/' : homePathFor(user.role)}>Retour à l’accueil</Link>
      </p>
    </>
  );
}

interface QueryResultProps<T> {
  query: UseQueryResult<T>;
  /** Shown while loading, e.g. "Chargement des conventions…". */
  loading: string;
  /** Shown before the error message. */
  errorContext?: string;
  /** The query is the subject of the page: a 403 shows the « Accès refusé » page (with its h1). */
  pageSubject?: boolean;
  children: (data: T) => ReactNode;
}

/** Renders the loading state, the error message, or the data of a query. */
export function QueryResult<T>({ query, loading, errorContext, pageSubject = false, children }: QueryResultProps<T>) {
  if (query.isError) {
    if (pageSubject && isForbidden(query.error)) {
      return <AccessDenied message={errorMessage(query.error)} />;
    }
    return <ErrorMessage error={query.error} context={errorContext} />;
  }
  if (query.isPending) {
    return <Loading label={loading} />;
  }
  return <>{children(query.data)}</>;
}
