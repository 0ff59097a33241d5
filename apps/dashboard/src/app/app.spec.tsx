import type { Role } from '@sdat/api-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authKeys } from '../api/auth';
import { programmeKeys } from '../api/programmes';
import { navItemsFor } from '../auth/access';
import { mockApi, reply } from '../test/api-mock';
import { agreementSummaries, obligations, programmeSummaries } from '../test/fixtures';
import { renderAt } from '../test/render';
import { sessionUser } from '../test/session';

function mainNavLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

const READER_NAV = ['Accueil', 'Dispositifs', 'Comparaison', 'Conventions', 'Écarts relevés', 'Rapports'];
const OPERATOR_NAV = [...READER_NAV, 'Imports'];

describe('UI shell', () => {
  beforeEach(() => {
    mockApi({
      '/api/programmes': programmeSummaries,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
    });
  });

  it('renders the header, the signed-in user and the main navigation in French', () => {
    renderAt('/');
    expect(screen.getByText('Indicateurs des conventions — SDAT / Dijon Métropole')).toBeTruthy();
    expect(mainNavLinks()).toEqual(OPERATOR_NAV);
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBe('page');
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Opératrice SDAT')).toBeTruthy();
    expect(within(header).getByText('SDAT — Opérateur')).toBeTruthy();
    expect(within(header).getByRole('button', { name: 'Se déconnecter' })).toBeTruthy();
    expect(screen.getByRole('link', { name: "Documentation de l'API" }).getAttribute('href')).toBe('/api/docs');
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

  it('shows the demo-mode banner on every page when the application is in demo mode', () => {
    renderAt('/conventions', undefined, { session: sessionUser('pilot', { demoMode: true }) });
    expect(screen.getAllByRole('note', { name: 'Données de démonstration' })).toHaveLength(1);
  });

  it('shows no demo-mode banner outside demo mode', () => {
    renderAt('/conventions');
    expect(screen.queryByRole('note', { name: 'Données de démonstration' })).toBeNull();
  });
});

describe('navigation by role', () => {
  beforeEach(() => {
    mockApi({
      '/api/programmes': programmeSummaries,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
      '/api/admin/users': [],
      '/api/admin/organisations': [],
      '/api/admin/audit': [],
      '/api/imports/datasets': [],
    });
  });

  it.each<[Role, string[]]>([
    ['operator', OPERATOR_NAV],
    ['pilot', READER_NAV],
    ['funder', READER_NAV],
    ['monitoring_committee', READER_NAV],
    ['admin', ['Administration']],
  ])('%s sees %j', (role, expected) => {
    expect(navItemsFor(role).map((item) => item.label)).toEqual(expected);
    renderAt(role === 'admin' ? '/administration' : '/', undefined, { session: sessionUser(role) });
    expect(mainNavLinks()).toEqual(expected);
  });

  it('offers « Imports » to the operator only, and refuses the page to the other roles', () => {
    expect((['pilot', 'funder', 'monitoring_committee', 'admin'] as const).every((role) => navItemsFor(role).every((item) => item.to !== '/imports'))).toBe(true);
    renderAt('/imports', undefined, { session: sessionUser('pilot') });
    expect(screen.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
  });

  it('brings the admin from the home page to the administration', async () => {
    renderAt('/', undefined, { session: sessionUser('admin') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' })).toBeTruthy();
  });

  it('refuses a page of programme data to the admin, in French', () => {
    renderAt('/dispositifs', undefined, { session: sessionUser('admin') });
    expect(screen.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
    expect(screen.getByText('Votre rôle ne donne pas accès à cette page.')).toBeTruthy();
  });

  it('refuses the administration to the other roles', () => {
    renderAt('/administration', undefined, { session: sessionUser('funder') });
    expect(screen.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
  });

  it('shows « Accès refusé » with the API message for a programme outside the scope, not a crash', async () => {
    mockApi({
      '/api/programmes/emas': reply(403, {
        statusCode: 403,
        error: 'Accès refusé',
        message: "Ce dispositif n'est pas dans le périmètre de votre organisation.",
      }),
    });
    renderAt('/dispositifs/emas', undefined, { session: sessionUser('pilot') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeTruthy();
    expect(screen.getByText("Ce dispositif n'est pas dans le périmètre de votre organisation.")).toBeTruthy();
    expect(document.title).toBe('Accès refusé — Indicateurs des conventions');
  });
});

describe('session', () => {
  it('shows the login page to a visitor who is not signed in', async () => {
    mockApi({ '/api/auth/me': reply(401, { statusCode: 401, error: 'Authentification requise', message: 'Connexion requise.' }) });
    renderAt('/conventions', undefined, { session: 'fetch' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Navigation principale' })).toBeNull();
  });

  it('shows the login page when the session ends in the middle of the work (401), and forgets the data', async () => {
    mockApi({
      '/api/programmes': reply(401, { statusCode: 401, error: 'Authentification requise', message: 'Connexion requise.' }),
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
    });
    const { client } = renderAt('/dispositifs');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(screen.getByText('Votre session a pris fin : reconnectez-vous pour reprendre là où vous en étiez.')).toBeTruthy();
    expect(client.getQueryData(authKeys.me())).toBeNull();
    expect(client.getQueryCache().findAll({ queryKey: programmeKeys.all })).toHaveLength(0);
  });

  it('signs out with the CSRF token, clears the cache and shows the login page', async () => {
    const fetchMock = mockApi({
      '/api/programmes': programmeSummaries,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
      '/api/auth/logout': { ok: true },
    });
    const { client } = renderAt('/');
    await screen.findAllByRole('link', { name: 'ACOR Centre Ville' });
    expect(client.getQueryData(programmeKeys.list())).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(screen.getByText('Vous êtes déconnecté.')).toBeTruthy();
    const call = fetchMock.mock.calls.find(([url]) => String(url) === '/api/auth/logout');
    expect(call?.[1]?.method).toBe('POST');
    expect(new Headers(call?.[1]?.headers).get('X-CSRF-Token')).toBe('jeton-operator');
    await waitFor(() => expect(client.getQueryData(programmeKeys.list())).toBeUndefined());
    expect(client.getQueryData(authKeys.me())).toBeNull();
  });
});
