import { useEffect } from 'react';

export const APP_TITLE = 'Indicateurs des conventions';

/** Sets the tab title: "<page> — Indicateurs des conventions". */
export function useDocumentTitle(pageTitle: string | null): void {
  useEffect(() => {
    document.title = pageTitle === null || pageTitle === '' ? APP_TITLE : `${pageTitle} — ${APP_TITLE}`;
  }, [pageTitle]);
}
