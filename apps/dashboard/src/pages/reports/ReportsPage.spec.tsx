import type { AnnualReportView } from '@sdat/api-types';
import { fireEvent, screen, within } from '@testing-library/react';
import { mockApi, reply } from '../../test/api-mock';
import { renderAt } from '../../test/render';
import { sessionUser } from '../../test/session';
import { formatDate, isLate, reportYearFromUrl } from './ReportsPage';

function report(overrides: Partial<AnnualReportView> = {}): AnnualReportView {
  return {
    programmeCode: 'emas',
    year: 2022,
    status: 'draft',
    statusLabel: 'projet',
    dueDate: '2023-03-31',
    locked: false,
    narrative: { actions: 'Accueil de jour', difficulties: null, partnerships: null, outlook: null },
    narrativeUpdatedAt: null,
    narrativeUpdatedBy: null,
    submittedAt: null,
    submittedBy: null,
    returnComment: null,
    versions: [],
    version: 3,
    ...overrides,
  };
}

const validatedVersion = {
  number: 1,
  sha256: 'abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789',
  dataVersion: 'v1',
  validatedAt: '2023-04-02T09:00:00.000Z',
  validatedBy: 'pilote.metropole@demo.sdat.fr',
  reopenedAt: null,
  reopenReason: null,
  bytes: 12345,
};

describe('Rapports', () => {
  it('shows the operator the status, the links, the narrative editor and « Transmettre au pilote »', async () => {
    const fetchMock = mockApi({
      '/api/programmes/emas/annual-reports/2022': report(),
      '/api/programmes/emas/annual-reports/2022/narrative': report({ version: 4 }),
    });
    renderAt('/rapports', undefined, { session: sessionUser('operator', { programmes: ['emas'] }) });
    expect(screen.getByRole('heading', { level: 1, name: 'Rapports' })).toBeTruthy();
    const card = within(await screen.findByRole('region', { name: 'emas — bilan 2022' }));
    expect(await card.findByText('projet')).toBeTruthy();
    expect(card.getByText('en retard')).toBeTruthy();
    expect(card.getByText(/31\/03\/2023/)).toBeTruthy();
    expect(card.getByRole('link', { name: 'Télécharger le bilan 2022 (PDF)' }).getAttribute('href')).toBe(
      '/api/programmes/emas/reports/2022.pdf?basis=actual',
    );
    const actions = card.getByLabelText('Actions menées') as HTMLTextAreaElement;
    expect(actions.value).toBe('Accueil de jour');
    expect(card.getByLabelText('Difficultés rencontrées')).toBeTruthy();
    expect(card.getByLabelText('Partenariats')).toBeTruthy();
    expect(card.getByLabelText('Perspectives')).toBeTruthy();
    expect(card.getByRole('button', { name: 'Transmettre au pilote' })).toBeTruthy();
    expect(card.queryByRole('button', { name: 'Valider' })).toBeNull();
    expect(screen.getByRole('link', { name: 'dossier 2022 (PDF)' }).getAttribute('href')).toBe(
      '/api/agreements/convention-cadre-sdat-2022/committee-pack/2022.pdf?basis=actual',
    );

    fireEvent.change(actions, { target: { value: 'Nouvelles actions' } });
    fireEvent.click(card.getByRole('button', { name: 'Enregistrer le bilan qualitatif' }));
    expect(await card.findByText('Le bilan qualitatif est enregistré.')).toBeTruthy();
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(String(call?.[0])).toBe('/api/programmes/emas/annual-reports/2022/narrative');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      version: 3,
      narrative: { actions: 'Nouvelles actions', difficulties: null, partnerships: null, outlook: null },
    });
    expect(new Headers(call?.[1]?.headers).get('X-CSRF-Token')).toBe('jeton-operator');
  });

  it('disables the editor once the report is transmitted', async () => {
    mockApi({ '/api/programmes/emas/annual-reports/2022': report({ status: 'submitted', statusLabel: 'transmis' }) });
    renderAt('/rapports', undefined, { session: sessionUser('operator', { programmes: ['emas'] }) });
    const card = within(await screen.findByRole('region', { name: 'emas — bilan 2022' }));
    expect(await card.findByText('transmis')).toBeTruthy();
    expect(card.queryByText('en retard')).toBeNull();
    expect((card.getByLabelText('Actions menées') as HTMLTextAreaElement).disabled).toBe(true);
    expect((card.getByRole('button', { name: 'Transmettre au pilote' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the pilot « Valider » and « Renvoyer » with a required comment, and no editor', async () => {
    const fetchMock = mockApi({
      '/api/programmes/emas/annual-reports/2021': report({ year: 2021, status: 'submitted', statusLabel: 'transmis' }),
      '/api/programmes/emas/annual-reports/2021/return': report({ year: 2021, version: 4 }),
    });
    renderAt('/rapports?annee=2021', undefined, { session: sessionUser('pilot', { programmes: ['emas'] }) });
    const card = within(await screen.findByRole('region', { name: 'emas — bilan 2021' }));
    expect(await card.findByRole('button', { name: 'Valider' })).toBeTruthy();
    expect(card.queryByLabelText('Actions menées')).toBeNull();
    expect(card.queryByRole('button', { name: 'Transmettre au pilote' })).toBeNull();
    fireEvent.click(card.getByRole('button', { name: 'Renvoyer' }));
    expect(card.getByText('Saisissez un commentaire.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    fireEvent.change(card.getByLabelText('Commentaire (obligatoire pour renvoyer)'), { target: { value: 'À compléter' } });
    fireEvent.click(card.getByRole('button', { name: 'Renvoyer' }));
    await card.findByText('Le bilan est renvoyé à l’opérateur.');
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(call?.[0])).toBe('/api/programmes/emas/annual-reports/2021/return');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ version: 3, comment: 'À compléter' });
  });

  it('lists the validated versions and offers the pilot « Rouvrir »', async () => {
    mockApi({
      '/api/programmes/emas/annual-reports/2022': report({ status: 'validated', statusLabel: 'validé', versions: [validatedVersion] }),
    });
    renderAt('/rapports', undefined, { session: sessionUser('pilot', { programmes: ['emas'] }) });
    const card = within(await screen.findByRole('region', { name: 'emas — bilan 2022' }));
    const link = await card.findByRole('link', { name: 'Version validée n° 1 (PDF)' });
    expect(link.getAttribute('href')).toBe('/api/programmes/emas/annual-reports/2022/versions/1.pdf');
    expect(card.getByText('abcdef012345…')).toBeTruthy();
    expect(card.getByRole('button', { name: 'Rouvrir' })).toBeTruthy();
    expect(card.queryByRole('button', { name: 'Valider' })).toBeNull();
  });

  it('shows the French 409 message of the API in a live region', async () => {
    const message = 'Le bilan a été modifié entre-temps (version 4, vous aviez la version 3) : rechargez la page.';
    const fetchMock = mockApi({
      '/api/programmes/emas/annual-reports/2022': report({ status: 'submitted', statusLabel: 'transmis' }),
      '/api/programmes/emas/annual-reports/2022/validate': reply(409, { statusCode: 409, error: 'Conflict', message }),
    });
    renderAt('/rapports', undefined, { session: sessionUser('pilot', { programmes: ['emas'] }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Valider' }));
    const shown = await screen.findByText(message);
    expect(shown.closest('[aria-live]')).not.toBeNull();
    // The report is read again after the action (invalidated).
    const reads = fetchMock.mock.calls.filter(([url, init]) => String(url) === '/api/programmes/emas/annual-reports/2022' && init?.method === 'GET');
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });
});

describe('report helpers', () => {
  it('reads the year from the address, 2022 by default', () => {
    expect(reportYearFromUrl('2021')).toBe(2021);
    expect(reportYearFromUrl(null)).toBe(2022);
    expect(reportYearFromUrl('1999')).toBe(2022);
  });
  it('formats dates and tells late drafts', () => {
    expect(formatDate('2023-03-31')).toBe('31/03/2023');
    const now = new Date('2023-05-01T00:00:00Z');
    expect(isLate({ status: 'draft', dueDate: '2023-03-31' }, now)).toBe(true);
    expect(isLate({ status: 'submitted', dueDate: '2023-03-31' }, now)).toBe(false);
    expect(isLate({ status: 'draft', dueDate: '2023-06-30' }, now)).toBe(false);
  });
});
