import { screen, within } from '@testing-library/react';
import { mockApi } from '../test/api-mock';
import { agreementSummaries, obligations, programmeSummaries } from '../test/fixtures';
import { renderAt } from '../test/render';

describe('UI shell', () => {
  beforeEach(() => {
    mockApi({
      '/api/programmes': programmeSummaries,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
    });
  });

  it('renders the header and the main navigation in French', () => {
    renderAt('/');
    expect(screen.getByText('Indicateurs des conventions — SDAT / Dijon Métropole')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Accueil',
      'Dispositifs',
      'Comparaison',
      'Conventions',
      'Écarts relevés',
      "Documentation de l'API",
    ]);
    expect(within(nav).getByRole('link', { name: "Documentation de l'API" }).getAttribute('href')).toBe('/api/docs');
    expect(within(nav).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBe('page');
  });

  it('has a skip link to the main content of the current page', () => {
    renderAt('/conventions?tri=titre');
    const skip = screen.getByRole('link', { name: 'Aller au contenu' });
    // Not a bare `#contenu`: with `<base href="/">` it would lead to the home page.
    expect(skip.getAttribute('href')).toBe('/conventions?tri=titre#contenu');
    const main = screen.getByRole('main');
    expect(main.id).toBe('contenu');
    expect(document.body.querySelector('a')).toBe(skip);
  });

  it('marks the current section in the navigation', () => {
    renderAt('/conventions');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Conventions' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows a French page for unknown addresses', () => {
    renderAt('/nimporte-quoi');
    expect(screen.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeTruthy();
    expect(document.title).toBe('Page introuvable — Indicateurs des conventions');
  });
});
