import { screen, within } from '@testing-library/react';
import { mockApi } from '../test/api-mock';
import { agreementDetail, agreementSummaries, findings, programmeSummaries } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('Conventions', () => {
  it('lists the agreements with period and renewal', async () => {
    mockApi({ '/api/agreements': agreementSummaries, '/api/programmes': programmeSummaries });
    renderAt('/conventions');
    const table = await screen.findByRole('table', { name: 'Conventions suivies' });
    const row = within(table).getByRole('row', { name: /Convention cadre 2022/ });
    expect(within(row).getByText('Convention cadre')).toBeTruthy();
    expect(within(row).getByText('du 01/01/2022 au 31/12/2022')).toBeTruthy();
    expect(within(row).getByText('12 mois')).toBeTruthy();
    expect(within(row).getByText('Pas de reconduction')).toBeTruthy();
    expect(await within(row).findByRole('link', { name: 'ACOR Dijon Métropole' })).toBeTruthy();
  });

  it('shows an agreement: signatories, programmes, articles, obligations and findings', async () => {
    mockApi({ '/api/agreements/convention-cadre-sdat-2022': agreementDetail });
    renderAt('/conventions/convention-cadre-sdat-2022');
    expect(await screen.findByRole('heading', { level: 1, name: 'Convention cadre 2022' })).toBeTruthy();
    const signatories = screen.getByRole('table', { name: 'Signataires et rôles' });
    const sdat = within(signatories).getByRole('row', { name: /SDAT/ });
    expect(within(sdat).getByText('Opérateur')).toBeTruthy();
    expect(within(sdat).getByText('Mme Martine GIRARD')).toBeTruthy();
    const programmes = screen.getByRole('region', { name: 'Dispositifs' });
    expect(within(programmes).getByRole('link', { name: 'ACOR Centre Ville' }).getAttribute('href')).toBe(
      '/dispositifs/acor-centre-ville',
    );
    expect(within(programmes).getByText(/annexe 3/)).toBeTruthy();
    expect(screen.getByText('Article 4 — Gouvernance')).toBeTruthy();
    const rules = screen.getByRole('table', { name: 'Obligations prévues par la convention' });
    expect(within(rules).getByText(/pour le 15 mars, un bilan qualitatif/)).toBeTruthy();
    expect(within(rules).getByText('Bilan qualitatif et financier', { selector: 'td' })).toBeTruthy();
    const found = screen.getByRole('table', { name: 'Écarts relevés dans « Convention cadre 2022 »' });
    expect(within(found).getByText('-22 368 €')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Actions' })).toBeNull();
  });
});

describe('Écarts relevés', () => {
  it('lists every finding with printed, computed and difference', async () => {
    mockApi({
      '/api/reconciliation': findings,
      '/api/programmes': programmeSummaries,
      '/api/agreements': agreementSummaries,
    });
    renderAt('/ecarts');
    const table = await screen.findByRole('table', { name: 'Écarts entre montants imprimés et montants calculés' });
    const row = within(table).getByRole('row', { name: /Annexe 1, BP 2022, groupe 74/ });
    expect(within(row).getByText('652 913 €')).toBeTruthy();
    expect(within(row).getByText('675 281 €')).toBeTruthy();
    expect(within(row).getByText('-22 368 €')).toBeTruthy();
    expect(within(row).getByText('Avertissement')).toBeTruthy();
    expect(within(row).getByText(/imprimée deux fois/)).toBeTruthy();
    expect(await within(row).findByRole('link', { name: 'Convention cadre 2022' })).toBeTruthy();
  });
});
