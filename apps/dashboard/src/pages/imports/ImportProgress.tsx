import type { ImportJobView } from '@sdat/api-types';
import { useId } from 'react';
import { rowsText } from './correction-values';

const PHASES: Record<ImportJobView['phase'], string> = {
  queued: 'Fichier reçu, import en attente…',
  validation: 'Contrôle des lignes du fichier…',
  writing: 'Écriture des lignes…',
  done: 'Import terminé.',
  failed: 'Import interrompu : rien n’a été écrit.',
};

/** The bar's value: unknown (indeterminate) until the rows are counted, full once finished. */
function barValue(job: ImportJobView): { value?: number; max: number } {
  if (job.phase === 'done') {
    return { value: 1, max: 1 };
  }
  if (job.phase === 'failed') {
    return { value: 0, max: 1 };
  }
  if (job.phase === 'writing' && job.rowsValidated > 0) {
    return { value: Math.min(job.rowsWritten, job.rowsValidated), max: job.rowsValidated };
  }
  return { max: 1 };
}

/**
 * Progress of an import started in async mode: the phase, a <progress> bar and the rows validated
 * and written so far, in a polite live region (read when the phase or a count changes).
 */
export function ImportProgress({ job }: { job: ImportJobView }) {
  const countsId = useId();
  const bar = barValue(job);
  return (
    <div className="import-progress">
      <div role="status" className="import-progress__text">
        <p className="import-progress__phase">{PHASES[job.phase]}</p>
        <p id={countsId} className="import-progress__counts">
          {rowsText(job.rowsValidated, 'validée')} · {rowsText(job.rowsWritten, 'écrite')}
        </p>
      </div>
      <progress aria-label="Progression de l’import" aria-describedby={countsId} max={bar.max} {...(bar.value === undefined ? {} : { value: bar.value })} />
    </div>
  );
}
