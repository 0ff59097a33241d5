import type { UserView } from '@sdat/api-types';
import { fireEvent, screen, within } from '@testing-library/react';
import type { AuditEntryView } from '../../api/admin';
import { mockApi, reply } from '../../test/api-mock';
import { renderAt } from '../../test/render';
import { sessionUser } from '../../test/session';
import { formatDateTime } from '../../date-time';
import { accountState } from './AdministrationPage';

const sdat = { code: 'sdat', name: 'SDAT' };

function user(id: number, email: string, overrides: Partial<UserView> = {}): UserView {
  return {
    id,
    email,
    displayName: email.split('@')[0] ?? email,
    role: 'pilot',
    organisation: { code: 'ccas-dijon', name: 'CCAS de Dijon' },
    disabled: false,
    locked: false,
    demo: true,
    createdAt: '2025-01-02T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const users: UserView[] = [
  user(6, 'admin@demo.sdat.fr', { role: 'admin', organisation: sdat, displayName: 'Administratrice' }),
  user(2, 'pilote.ccas@demo.sdat.fr', { version: 2 }),
  user(4, 'financeur.ville@demo.sdat.fr', { role: 'funder', disabled: true, organisation: { code: 'ville-dijon', name: 'Ville de Dijon' } }),
  user(7, 'bloque@exemple.fr', { locked: true, demo: false }),
];

function auditRow(id: number, overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id: String(id),
    at: new Date(2025, 10, 23, 14, 5 + id).toISOString(),
    actorUserId: 6,
    actorEmail: 'admin@demo.sdat.fr',
    actorRole: 'admin',
    action: 'user_updated',
    objectType: 'user',
    objectId: '2',
    method: 'PATCH',
    path: '/api/admin/users/2',
    ip: '127.0.0.1',
    details: null,
    ...overrides,
  };
}

function renderAdmin(routes: Record<string, unknown> = {}) {
  const fetchMock = mockApi({
    '/api/admin/users': users,
    '/api/admin/organisations': [
      { code: 'ccas-dijon', name: 'CCAS de Dijon', kinds: ['pilot'] },
      { code: 'sdat', name: 'SDAT', kinds: ['operator'] },
    ],
    '/api/admin/audit': [auditRow(2), auditRow(1, { action: 'login_failed', actorRole: null, objectType: null, objectId: null, method: 'POST', path: '/api/auth/login' })],
    ...routes,
  });
  renderAt('/administration', undefined, { session: sessionUser('admin') });
  return fetchMock;
}

describe('Administration', () => {
  it('lists the accounts with their role, organisation and state, in French', async () => {
    renderAdmin();
    expect(screen.getByRole('heading', { level: 1, name: 'Administration' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Comptes (4)' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Adresse électronique',
      'Nom',
      'Rôle',
      'Organisation',
      'État',
      'Action',
    ]);
    const row = (email: string) => within(within(table).getByText(email).closest('tr') as HTMLElement);
    expect(row('pilote.ccas@demo.sdat.fr').getByText('Pilote')).toBeTruthy();
    expect(row('pilote.ccas@demo.sdat.fr').getByText('CCAS de Dijon')).toBeTruthy();
    expect(row('pilote.ccas@demo.sdat.fr').getByText('Actif')).toBeTruthy();
    expect(row('financeur.ville@demo.sdat.fr').getByText('Désactivé')).toBeTruthy();
    expect(row('financeur.ville@demo.sdat.fr').getByText('Financeur (COPIL)')).toBeTruthy();
    expect(row('bloque@exemple.fr').getByText('Verrouillé')).toBeTruthy();
    // No button to disable one's own account.
    expect(row('admin@demo.sdat.fr').getByText('Votre compte')).toBeTruthy();
    expect(row('admin@demo.sdat.fr').queryByRole('button')).toBeNull();
  });

  it('disables an account with the version read and the CSRF token', async () => {
    const fetchMock = renderAdmin({ '/api/admin/users/2': user(2, 'pilote.ccas@demo.sdat.fr', { disabled: true, version: 3 }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver le compte pilote.ccas@demo.sdat.fr' }));
    expect(await screen.findByText('Le compte pilote.ccas@demo.sdat.fr est désactivé : ses sessions sont fermées.')).toBeTruthy();
    const call = fetchMock.mock.calls.find(([url, init]) => String(url) === '/api/admin/users/2' && init?.method === 'PATCH');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ version: 2, disabled: true });
    expect(new Headers(call?.[1]?.headers).get('X-CSRF-Token')).toBe('jeton-admin');
  });

  it('re-enables a disabled account', async () => {
    const fetchMock = renderAdmin({ '/api/admin/users/4': user(4, 'financeur.ville@demo.sdat.fr', { disabled: false, version: 2 }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Réactiver le compte financeur.ville@demo.sdat.fr' }));
    expect(await screen.findByText('Le compte financeur.ville@demo.sdat.fr est réactivé.')).toBeTruthy();
    const call = fetchMock.mock.calls.find(([url, init]) => String(url) === '/api/admin/users/4' && init?.method === 'PATCH');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ version: 1, disabled: false });
  });

  it('shows the French 409 message when the account changed in the meantime', async () => {
    const message = 'Le compte pilote.ccas@demo.sdat.fr a été modifié par ailleurs (version 3, vous aviez la version 2) : rechargez-le.';
    renderAdmin({ '/api/admin/users/2': reply(409, { statusCode: 409, error: 'Conflit', message }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver le compte pilote.ccas@demo.sdat.fr' }));
    const shown = await screen.findByText(message);
    expect(shown.closest('[role="alert"]')).not.toBeNull();
  });

  /** Answers the POST of `/api/admin/users` with `status` and `body`, the rest as the fake API. */
  function answerCreation(fetchMock: ReturnType<typeof renderAdmin>, status: number, body: unknown) {
    const base = fetchMock.getMockImplementation();
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) =>
      init?.method === 'POST'
        ? ({ ok: status < 300, status, json: async () => body } as Response)
        : (base as NonNullable<typeof base>)(input, init),
    );
  }

  async function fillCreationForm() {
    await screen.findByRole('table', { name: 'Comptes (4)' });
    fireEvent.change(screen.getByLabelText('Adresse électronique'), { target: { value: ' nouveau@exemple.fr ' } });
    fireEvent.change(screen.getByLabelText('Nom affiché'), { target: { value: 'Nouvel utilisateur' } });
    fireEvent.change(screen.getByLabelText('Rôle'), { target: { value: 'funder' } });
    const organisation = screen.getByLabelText('Organisation');
    await within(organisation).findByRole('option', { name: 'CCAS de Dijon' });
    fireEvent.change(organisation, { target: { value: 'ccas-dijon' } });
    fireEvent.change(screen.getByLabelText('Mot de passe initial'), { target: { value: 'un-mot-de-passe-long' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
  }

  it('creates an account (with the CSRF token) and says so', async () => {
    const fetchMock = renderAdmin();
    answerCreation(fetchMock, 201, user(9, 'nouveau@exemple.fr', { role: 'funder', displayName: 'Nouvel utilisateur' }));
    await fillCreationForm();
    const done = await screen.findByText('Compte créé : nouveau@exemple.fr (Financeur (COPIL), CCAS de Dijon).');
    expect(done.closest('[role="status"]')).not.toBeNull();
    const post = fetchMock.mock.calls.find(([url, init]) => String(url) === '/api/admin/users' && init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      email: 'nouveau@exemple.fr',
      displayName: 'Nouvel utilisateur',
      role: 'funder',
      organisationCode: 'ccas-dijon',
      password: 'un-mot-de-passe-long',
    });
    expect(new Headers(post?.[1]?.headers).get('X-CSRF-Token')).toBe('jeton-admin');
    expect((screen.getByLabelText('Adresse électronique') as HTMLInputElement).value).toBe('');
  });

  it('shows the French message of the API when the creation is refused', async () => {
    const fetchMock = renderAdmin();
    answerCreation(fetchMock, 400, { statusCode: 400, error: 'Requête invalide', message: ['le mot de passe doit compter au moins 12 caractères'] });
    await fillCreationForm();
    const refused = await screen.findByText('Le compte n’a pas été créé : le mot de passe doit compter au moins 12 caractères');
    expect(refused.closest('[role="alert"]')).not.toBeNull();
    expect((screen.getByLabelText('Adresse électronique') as HTMLInputElement).value).toBe('nouveau@exemple.fr');
  });

  it('asks for the missing fields before sending anything', async () => {
    const fetchMock = renderAdmin();
    await screen.findByRole('table', { name: 'Comptes (4)' });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    const message = screen.getByText('Renseignez l’adresse électronique, le nom, l’organisation, le mot de passe.');
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('shows the audit log in French, dated dd/MM/yyyy HH:mm, and pages to older rows', async () => {
    const page = Array.from({ length: 50 }, (_, index) => auditRow(200 - index));
    const older = [auditRow(100, { action: 'authorization_denied', objectType: null, objectId: 'emas', method: 'GET', path: '/api/programmes/emas' })];
    const fetchMock = renderAdmin({ '/api/admin/audit': { byQuery: (params: URLSearchParams) => (params.get('before') === null ? page : older) } });
    const table = await screen.findByRole('table', { name: /^Journal d’audit/ });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Date', 'Acteur', 'Action', 'Objet', 'Chemin']);
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(first).getByText(formatDateTime(auditRow(200).at))).toBeTruthy();
    expect(within(first).getByText('admin@demo.sdat.fr (Administrateur)')).toBeTruthy();
    expect(within(first).getByText('Compte modifié')).toBeTruthy();
    expect(within(first).getByText('Compte 2')).toBeTruthy();
    expect(within(first).getByText('PATCH /api/admin/users/2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les plus anciens' }));
    expect(await within(table).findByText('Accès refusé')).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(52);
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/api/admin/audit?limit=50&before=151');
    expect(screen.getByText('Début du journal atteint.')).toBeTruthy();
  });
});

describe('administration helpers', () => {
  it('format the date as dd/MM/yyyy HH:mm', () => {
    expect(formatDateTime(new Date(2025, 2, 5, 9, 7).toISOString())).toBe('05/03/2025 09:07');
  });

  it('name the state of an account', () => {
    expect(accountState({ disabled: false, locked: false })).toBe('Actif');
    expect(accountState({ disabled: true, locked: false })).toBe('Désactivé');
    expect(accountState({ disabled: false, locked: true })).toBe('Verrouillé');
    expect(accountState({ disabled: true, locked: true })).toBe('Désactivé, verrouillé');
  });
});
