import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/fetch-json';

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

export function ErrorMessage({ error, context }: { error: unknown; context?: string }) {
  return (
    <div className="alert alert--error" role="alert">
      <p>
        <strong>{context ?? 'Les données n’ont pas pu être chargées.'}</strong> {errorMessage(error)}
      </p>
    </div>
  );
}

interface QueryResultProps<T> {
  query: UseQueryResult<T>;
  /** Shown while loading, e.g. "Chargement des conventions…". */
  loading: string;
  /** Shown before the error message. */
  errorContext?: string;
  children: (data: T) => ReactNode;
}

/** Renders the loading state, the error message, or the data of a query. */
export function QueryResult<T>({ query, loading, errorContext, children }: QueryResultProps<T>) {
  if (query.isError) {
    return <ErrorMessage error={query.error} context={errorContext} />;
  }
  if (query.isPending) {
    return <Loading label={loading} />;
  }
  return <>{children(query.data)}</>;
}
