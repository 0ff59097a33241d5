import { format, isValid, parseISO } from 'date-fns';

/** `2025-11-23T14:05:00Z` → `23/11/2025 15:05` (fr-FR, the browser's time zone). */
export function formatDateTime(iso: string): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'dd/MM/yyyy HH:mm') : iso;
}
