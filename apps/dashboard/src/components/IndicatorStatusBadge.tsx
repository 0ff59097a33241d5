import type { IndicatorValue } from '@sdat/api-types';
import { statusLabel, type IndicatorStatus } from '@sdat/charts';

const TONES: Record<IndicatorStatus, { tone: string; icon: string }> = {
  ok: { tone: 'success', icon: '✓' },
  warning: { tone: 'warning', icon: '!' },
  alert: { tone: 'danger', icon: '✕' },
};

/** Tone of an indicator for its card border: its status, or neutral. */
export function statusTone(status: IndicatorStatus | null | undefined): string {
  return status === null || status === undefined ? 'neutral' : TONES[status].tone;
}

/** « ✓ Conforme », « ! Vigilance », « ✕ Alerte »: colour, icon AND word (never the colour alone). */
export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  const { tone, icon } = TONES[status];
  return (
    <span className={`badge badge--${tone}`}>
      <span aria-hidden="true">{icon} </span>
      {statusLabel(status)}
    </span>
  );
}

/** The badge of an indicator's status, when it has one (a target or a compliance check). */
export function IndicatorStatus({ indicator }: { indicator: Pick<IndicatorValue, 'status'> }) {
  if (indicator.status === null || indicator.status === undefined) {
    return null;
  }
  return <IndicatorStatusBadge status={indicator.status} />;
}
