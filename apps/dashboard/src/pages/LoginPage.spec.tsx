import type { SessionUser } from '@sdat/api-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi, reply } from '../test/api-mock';
import { agreementSummaries, obligations, programmeSummaries } from '../test/fixtures';
import { renderAt } from '../test/render';
import { demoAccounts, sessionUser } from '../test/session';
import { authKeys } from '../api/auth';
import { oidcErrorMessage, returnPath } from './LoginPage';

const NOT_SIGNED_IN = reply(401, { statusCode: 401, error: 'Authentification requise', message: 'Connexion requise.' });
const WRONG_CREDENTIALS = reply(401, {
  statusCode: 401,
  error: 'Authentification requise',
  message: 'Identifiant ou mot de passe incorrect.',
});

/** A fake API whose `me` answers 401 until `POST /api/auth/login` succeeded with `user`. */
function mockSignIn(user: SessionUser, loginAnswer: unknown = { ok: true }, extra: Record<string, unknown> = {}) {
  let signedIn = false;
  const routes: Record<string, unknown> = {
    '/api/auth/demo-accounts': demoAccounts,
    '/api/programmes': programmeSummaries,
    '/api/obligations': obligations,
    '/api/agreements': agreementSummaries,
    '/api/admin/users': [],
    '/api/admin/organisations': [],
    '/api/admin/audit': [],
    ...extra,
  };
  const fetchMock = mockApi(routes);
  fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    const answer = (status: number, body: unknown) =>
      ({ ok: status >= 200 && status < 300, status, json: async () => body }) as Response;
    if (path === '/api/auth/login' && init?.method === 'POST') {
      const isReply = typeof loginAnswer === 'object' && loginAnswer !== null && 'status' in loginAnswer && 'body' in loginAnswer;
      if (isReply) {
        const { status, body } = loginAnswer as { status: number; body: unknown };
        return answer(status, body);
      }
      signedIn = true;
      return answer(200, loginAnswer);
    }
    if (path === '/api/auth/me') {
      return signedIn ? answer(200, user) : answer(NOT_SIGNED_IN.status, NOT_SIGNED_IN.body);
    }
    const route = routes[path];
    return route === undefined ? answer(404, { statusCode: 404, error: 'Not Found', message: 'introuvable' }) : answer(200, route);
  });
  return fetchMock;
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('Connexion', () => {
  it('has a French form with labelled fields, and lists the demo accounts in demo mode', async () => {
    mockSignIn(sessionUser('operator'));
    renderAt('/connexion', undefined, { session: null });
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(document.title).toBe('Connexion — Indicateurs des conventions');
    const email = screen.getByLabelText('Adresse électronique');
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Mot de passe').getAttribute('autocomplete')).toBe('current-password');
    const table = await screen.findByRole('table', { name: 'Comptes de démonstration et ce qu’ils montrent' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(demoAccounts.length);
    const pilot = within(rows[1] as HTMLElement);
    expect(pilot.getByRole('rowheader').textContent).toBe('Pilote');
    expect(pilot.getByText('CCAS de Dijon')).toBeTruthy();
    expect(pilot.getByText(/contrôle et valide les bilans/)).toBeTruthy();
    expect(pilot.getByText('pilote.ccas@demo.sdat.fr')).toBeTruthy();
    expect(pilot.getByText('demonstration')).toBeTruthy();
    expect(screen.getByRole('note', { name: 'Données de démonstration' })).toBeTruthy();
  });

  it('shows no demo account outside demo mode (404)', async () => {
    mockSignIn(sessionUser('operator'), { ok: true }, { '/api/auth/demo-accounts': undefined });
    renderAt('/connexion', undefined, { session: null });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy());
    expect(screen.queryByRole('heading', { name: 'Comptes de démonstration' })).toBeNull();
    expect(screen.queryByRole('note', { name: 'Données de démonstration' })).toBeNull();
  });

  it('fills the form from a demo account and moves the focus to the submit button', async () => {
    mockSignIn(sessionUser('pilot'));
    renderAt('/connexion', undefined, { session: null });
    fireEvent.click(await screen.findByRole('button', { name: 'Utiliser ce compte : pilote.ccas@demo.sdat.fr' }));
    expect((screen.getByLabelText('Adresse électronique') as HTMLInputElement).value).toBe('pilote.ccas@demo.sdat.fr');
    expect((screen.getByLabelText('Mot de passe') as HTMLInputElement).value).toBe('demonstration');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Se connecter' }));
    expect(screen.getByText(/Formulaire rempli avec le compte pilote\.ccas@demo\.sdat\.fr/).getAttribute('role')).toBe('status');
  });

  it('announces missing fields and focuses the first one', async () => {
    mockSignIn(sessionUser('operator'));
    renderAt('/connexion', undefined, { session: null });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    const email = screen.getByLabelText('Adresse électronique');
    expect(document.activeElement).toBe(email);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Saisissez votre adresse électronique.', { selector: '.field__error' })).toBeTruthy();
    const live = screen.getByText(/Le formulaire est incomplet/).closest('[role="alert"]');
    expect(live).not.toBeNull();
  });

  it('announces wrong credentials in French, empties the password and focuses it', async () => {
    const fetchMock = mockSignIn(sessionUser('operator'), WRONG_CREDENTIALS);
    renderAt('/connexion', undefined, { session: null });
    fill('Adresse électronique', 'operateur@demo.sdat.fr');
    fill('Mot de passe', 'mauvais');
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    const message = await screen.findByText('Identifiant ou mot de passe incorrect.', { exact: false });
    expect(message.closest('[role="alert"]')).not.toBeNull();
    const password = screen.getByLabelText('Mot de passe') as HTMLInputElement;
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
    const login = fetchMock.mock.calls.find(([url]) => String(url) === '/api/auth/login');
    expect(JSON.parse(String(login?.[1]?.body))).toEqual({ email: 'operateur@demo.sdat.fr', password: 'mauvais' });
    // Still on the login page: a wrong password is not an ended session.
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
  });

  it('shows the rate-limit message of the API', async () => {
    mockSignIn(
      sessionUser('operator'),
      reply(429, { statusCode: 429, error: 'Too Many Requests', message: 'Trop de tentatives de connexion : réessayez dans 15 minutes.' }),
    );
    renderAt('/connexion', undefined, { session: null });
    fill('Adresse électronique', 'operateur@demo.sdat.fr');
    fill('Mot de passe', 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText(/Trop de tentatives de connexion : réessayez dans 15 minutes\./)).toBeTruthy();
  });

  it('brings the user back where they were going once signed in', async () => {
    mockSignIn(sessionUser('operator'));
    renderAt('/conventions', undefined, { session: 'fetch' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    fill('Adresse électronique', 'operateur@demo.sdat.fr');
    fill('Mot de passe', 'demonstration');
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Conventions' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeTruthy();
  });

  it('sends the admin to the administration when they were going nowhere in particular', async () => {
    mockSignIn(sessionUser('admin'));
    renderAt('/connexion', undefined, { session: 'fetch' });
    fireEvent.click(await screen.findByRole('button', { name: 'Utiliser ce compte : admin@demo.sdat.fr' }));
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' })).toBeTruthy();
  });

  describe('identity provider (OIDC)', () => {
    const OIDC_ON = { '/api/auth/config': { oidc: { enabled: true, label: 'Se connecter avec ProConnect' } } };

    it('shows the button with the configured label when the API says OIDC is on', async () => {
      mockSignIn(sessionUser('operator'), { ok: true }, OIDC_ON);
      renderAt('/connexion', undefined, { session: null });
      const button = await screen.findByRole('link', { name: 'Se connecter avec ProConnect' });
      // A full-page navigation to the API, which redirects to the provider.
      expect(button.getAttribute('href')).toBe('/api/auth/oidc/login');
      expect(screen.getByText('ou avec votre adresse électronique et votre mot de passe :')).toBeTruthy();
      // The password form is still there.
      expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
    });

    it.each([
      ['off', { '/api/auth/config': { oidc: { enabled: false, label: null } } }],
      ['unknown to the API (404)', {}],
    ])('shows no button when OIDC is %s', async (_case, routes) => {
      mockSignIn(sessionUser('operator'), { ok: true }, routes);
      const { client } = renderAt('/connexion', undefined, { session: null });
      await waitFor(() => expect(client.getQueryState(authKeys.config())?.status).toBe('success'));
      expect(screen.queryByRole('link', { name: /Se connecter avec/ })).toBeNull();
      expect(screen.queryByText(/ou avec votre adresse électronique/)).toBeNull();
    });

    it('asks the API to come back to the page the user was going to', async () => {
      mockSignIn(sessionUser('operator'), { ok: true }, OIDC_ON);
      renderAt('/conventions', undefined, { session: 'fetch' });
      const button = await screen.findByRole('link', { name: 'Se connecter avec ProConnect' });
      expect(button.getAttribute('href')).toBe('/api/auth/oidc/login?retour=%2Fconventions');
    });

    it('announces in French why the provider sign-in was refused', async () => {
      mockSignIn(sessionUser('operator'), { ok: true }, OIDC_ON);
      renderAt('/connexion?erreur=compte-inconnu', undefined, { session: null });
      const message = screen.getByText(/Aucun compte de la plateforme ne correspond à cette identité/);
      expect(message.closest('[role="alert"]')).not.toBeNull();
      expect(message.textContent).toContain('Connexion impossible.');
      expect(await screen.findByRole('link', { name: 'Se connecter avec ProConnect' })).toBeTruthy();
    });

    it('has a message for every error code of the API, and a generic one for an unknown code', () => {
      for (const code of ['compte-inconnu', 'compte-desactive', 'compte-deja-associe', 'connexion-expiree', 'refus-fournisseur', 'fournisseur-indisponible', 'echec']) {
        expect(oidcErrorMessage(code)).toMatch(/\.$/);
      }
      expect(oidcErrorMessage('compte-desactive')).toBe('Votre compte est désactivé : contactez l’administrateur de la plateforme.');
      expect(oidcErrorMessage('code-inconnu')).toBe(oidcErrorMessage('echec'));
      expect(oidcErrorMessage(null)).toBeNull();
    });
  });

  it('computes the return address', () => {
    expect(returnPath({ from: { pathname: '/dispositifs/emas', search: '?annee=2022', hash: '' } }, '/')).toBe(
      '/dispositifs/emas?annee=2022',
    );
    expect(returnPath({ from: { pathname: '/connexion', search: '', hash: '' } }, '/administration')).toBe('/administration');
    expect(returnPath(null, '/')).toBe('/');
  });
});
