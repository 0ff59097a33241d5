import type { ObligationStatus } from '@sdat/api-types';
import { obligationStatusLabel } from '../labels';

const TONES: Record<ObligationStatus, string> = {
  a_venir: 'info',
  en_retard: 'danger',
  remis: 'success',
  valide: 'success',
  sans_date: 'neutral',
};

export function StatusBadge({ status }: { status: ObligationStatus }) {
  return <span className={`badge badge--${TONES[status] ?? 'neutral'}`}>{obligationStatusLabel(status)}</span>;
}
