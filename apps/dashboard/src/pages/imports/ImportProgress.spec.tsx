import type { ImportJobView } from '@sdat/api-types';
import { render, screen } from '@testing-library/react';
import { ImportProgress } from './ImportProgress';

function job(phase: ImportJobView['phase'], rowsValidated = 0, rowsWritten = 0): ImportJobView {
  return { id: 'j', phase, rowsValidated, rowsWritten, result: null, startedAt: '2026-02-03T09:15:00.000Z' };
}

const bar = () => screen.getByRole('progressbar', { name: 'Progression de l’import' });

describe('ImportProgress', () => {
  it('is indeterminate until the rows are counted', () => {
    render(<ImportProgress job={job('queued')} />);
    expect(bar().hasAttribute('value')).toBe(false);
    expect(screen.getByText('Fichier reçu, import en attente…').closest('[role="status"]')).not.toBeNull();
    expect(screen.getByText('0 ligne validée · 0 ligne écrite')).toBeTruthy();
  });

  it('measures the writing against the rows validated, in French with the plural', () => {
    render(<ImportProgress job={job('writing', 1234, 1)} />);
    expect([bar().getAttribute('value'), bar().getAttribute('max')]).toEqual(['1', '1234']);
    expect(screen.getByText('Écriture des lignes…')).toBeTruthy();
    expect(screen.getByText('1 234 lignes validées · 1 ligne écrite')).toBeTruthy();
    expect(bar().getAttribute('aria-describedby')).toBe(screen.getByText(/lignes validées/).id);
  });

  it('is full once done, empty when the import failed', () => {
    const { rerender } = render(<ImportProgress job={job('done', 38, 38)} />);
    expect([bar().getAttribute('value'), bar().getAttribute('max')]).toEqual(['1', '1']);
    expect(screen.getByText('Import terminé.')).toBeTruthy();
    rerender(<ImportProgress job={job('failed', 12, 0)} />);
    expect(bar().getAttribute('value')).toBe('0');
    expect(screen.getByText('Import interrompu : rien n’a été écrit.')).toBeTruthy();
  });
});
