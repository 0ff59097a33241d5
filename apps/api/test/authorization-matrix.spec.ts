import type { Role } from '@sdat/api-types';
import request from 'supertest';
import { signIn, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Each route as each role, on an object inside and outside the role's scope: the exact status.
 * Scopes come from the reference data's links (document 001): SDAT operates the three programmes;
 * the CCAS de Dijon pilots ACOR Centre Ville; Dijon Métropole and the ARS co-pilot EMAS; the Ville de
 * Dijon funds ACOR Centre Ville and EMAS, not ACOR Dijon Métropole; the State signed the 2022 convention and the Pacte, not the Carsat
 * agreement.
 */
interface Actor {
  name: string;
  role: Role;
  organisation: string;
  /** A programme inside the scope, or null when the role reads no programme. */
  inside: string | null;
  /** A programme outside the scope. */
  outside: string;
}

const ACTORS: Actor[] = [
  { name: 'opérateur SDAT', role: 'operator', organisation: 'sdat', inside: 'acor-centre-ville', outside: 'none' },
  { name: 'opérateur ACODEGE (aucun dispositif opéré)', role: 'operator', organisation: 'acodege', inside: null, outside: 'emas' },
  { name: 'pilote CCAS de Dijon', role: 'pilot', organisation: 'ccas-dijon', inside: 'acor-centre-ville', outside: 'emas' },
  { name: 'pilote ARS', role: 'pilot', organisation: 'ars-bfc', inside: 'emas', outside: 'acor-centre-ville' },
  { name: 'financeur Ville de Dijon', role: 'funder', organisation: 'ville-dijon', inside: 'acor-centre-ville', outside: 'acor-dijon-metropole' },
  { name: 'comité de suivi (État)', role: 'monitoring_committee', organisation: 'etat', inside: 'emas', outside: 'none' },
  { name: 'administrateur', role: 'admin', organisation: 'sdat', inside: null, outside: 'emas' },
];

const PROGRAMME_ROUTES = (code: string) => [
  `/api/programmes/${code}`,
  `/api/programmes/${code}/budgets?year=2022&basis=forecast`,
  `/api/programmes/${code}/funding?year=2022`,
  `/api/programmes/${code}/indicators?year=2022&basis=forecast`,
  `/api/programmes/${code}/indicators/payroll?year=2022&basis=forecast`,
  `/api/programmes/${code}/reports/2022.pdf?basis=forecast`,
];
const AGREEMENT_ROUTES = (code: string) => [
  `/api/agreements/${code}`,
  `/api/agreements/${code}/checks`,
  `/api/comparisons?agreement=${code}&years=2022&basis=forecast`,
];
const LIST_ROUTES = ['/api/programmes', '/api/agreements', '/api/reconciliation', '/api/obligations?from=2022-01-01&to=2023-12-31'];
const ADMIN_ROUTES = ['/api/admin/users', '/api/admin/audit', '/api/admin/organisations'];
/** The rows an operator corrects one at a time: the operators of the programme only. */
const CORRECTION_ROUTES = (code: string) => [
  `/api/programmes/${code}/budget-lines?year=2022`,
  `/api/programmes/${code}/staff-lines?year=2022`,
  `/api/programmes/${code}/episodes?year=2022&limit=10`,
];

describe('Authorization matrix: every route × every role × inside/outside scope', () => {
  let t: TestApp;
  const clients = new Map<string, SignedIn>();

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '1000', EXPORT_RATE_PER_MINUTE: '1000' });
    for (const actor of ACTORS) clients.set(actor.name, await signIn(t, actor.role, actor.organisation));
  }, 60_000);
  afterAll(() => t.close());

  const statusOf = async (client: SignedIn, url: string) => (await client.get(url)).status;

  it.each(ACTORS.filter((a) => a.inside !== null && a.role !== 'admin'))('$name reads every route of a programme in its scope (200)', async (actor) => {
    const client = clients.get(actor.name)!;
    for (const url of PROGRAMME_ROUTES(actor.inside!)) expect([url, await statusOf(client, url)]).toEqual([url, 200]);
  });

  it.each(ACTORS.filter((a) => a.outside !== 'none'))('$name is refused every route of a programme outside its scope (403)', async (actor) => {
    const client = clients.get(actor.name)!;
    for (const url of PROGRAMME_ROUTES(actor.outside)) expect([url, await statusOf(client, url)]).toEqual([url, 403]);
  });

  it.each(ACTORS.filter((a) => a.role !== 'admin'))('$name gets 404 for a programme that does not exist', async (actor) => {
    const client = clients.get(actor.name)!;
    for (const url of PROGRAMME_ROUTES('dispositif-inexistant')) expect([url, await statusOf(client, url)]).toEqual([url, 404]);
  });

  it.each(ACTORS)('$name sees in lists exactly the programmes and agreements of its scope', async (actor) => {
    const client = clients.get(actor.name)!;
    const me = (await client.get('/api/auth/me').expect(200)).body;
    if (actor.role === 'admin') {
      for (const url of LIST_ROUTES) expect([url, await statusOf(client, url)]).toEqual([url, 403]);
      return;
    }
    const programmes = (await client.get('/api/programmes').expect(200)).body.map((p: { code: string }) => p.code).sort();
    expect(programmes).toEqual(me.programmes);
    const agreements = (await client.get('/api/agreements').expect(200)).body.map((a: { code: string }) => a.code).sort();
    expect(agreements).toEqual(me.agreements);
    const findings = (await client.get('/api/reconciliation').expect(200)).body as { agreementCode: string; programmeCode: string | null }[];
    expect(findings.every((f) => me.agreements.includes(f.agreementCode) && (f.programmeCode === null || me.programmes.includes(f.programmeCode)))).toBe(true);
    const schedule = (await client.get('/api/obligations?from=2022-01-01&to=2023-12-31').expect(200)).body;
    expect(
      schedule.obligations.every(
        (o: { agreementCode: string; programmeCode: string | null }) =>
          me.agreements.includes(o.agreementCode) && (o.programmeCode === null || me.programmes.includes(o.programmeCode)),
      ),
    ).toBe(true);
  });

  it('gives the pilots, funders and the committee the scope their organisation links give them', async () => {
    const me = async (name: string) => (await clients.get(name)!.get('/api/auth/me').expect(200)).body;
    expect((await me('opérateur SDAT')).programmes).toEqual(['acor-centre-ville', 'acor-dijon-metropole', 'emas']);
    expect((await me('opérateur ACODEGE (aucun dispositif opéré)')).programmes).toEqual([]);
    expect((await me('pilote CCAS de Dijon')).programmes).toEqual(['acor-centre-ville']);
    expect((await me('pilote ARS')).programmes).toEqual(['emas']);
    expect((await me('comité de suivi (État)')).programmes).toEqual(['acor-centre-ville', 'acor-dijon-metropole', 'emas']);
    expect((await me('comité de suivi (État)')).agreements).not.toContain('ccas-dijon-carsat-2014');
    expect((await me('administrateur')).programmes).toEqual([]);
  });

  it('refuses agreement routes outside the scope (403), accepts them inside (200)', async () => {
    const committee = clients.get('comité de suivi (État)')!;
    for (const url of AGREEMENT_ROUTES('convention-cadre-sdat-2022')) expect([url, await statusOf(committee, url)]).toEqual([url, 200]);
    for (const url of AGREEMENT_ROUTES('ccas-dijon-carsat-2014')) expect([url, await statusOf(committee, url)]).toEqual([url, 403]);
    for (const url of AGREEMENT_ROUTES('convention-inexistante')) expect([url, await statusOf(committee, url)]).toEqual([url, 404]);
    const admin = clients.get('administrateur')!;
    for (const url of AGREEMENT_ROUTES('convention-cadre-sdat-2022')) expect([url, await statusOf(admin, url)]).toEqual([url, 403]);
  });

  it('limits a comparison to the programmes of the reader’s scope', async () => {
    const pilot = clients.get('pilote CCAS de Dijon')!;
    const body = (await pilot.get('/api/comparisons?agreement=convention-cadre-sdat-2022&years=2022&basis=forecast').expect(200)).body;
    expect(body.programmes.map((p: { code: string }) => p.code)).toEqual(['acor-centre-ville']);
    expect(new Set(body.cells.map((c: { programmeCode: string }) => c.programmeCode))).toEqual(new Set(['acor-centre-ville']));
  });

  it('opens the correction lists to the operator of the programme only', async () => {
    for (const actor of ACTORS) {
      const client = clients.get(actor.name)!;
      for (const code of ['acor-centre-ville', 'emas']) {
        const expected = actor.role === 'operator' && actor.organisation === 'sdat' ? 200 : 403;
        for (const url of CORRECTION_ROUTES(code)) expect([actor.name, url, await statusOf(client, url)]).toEqual([actor.name, url, expected]);
      }
    }
    const operator = clients.get('opérateur SDAT')!;
    for (const url of CORRECTION_ROUTES('dispositif-inexistant')) expect([url, await statusOf(operator, url)]).toEqual([url, 404]);
  });

  it('opens the admin routes to the admin only', async () => {
    for (const actor of ACTORS) {
      const expected = actor.role === 'admin' ? 200 : 403;
      for (const url of ADMIN_ROUTES) expect([actor.name, url, await statusOf(clients.get(actor.name)!, url)]).toEqual([actor.name, url, expected]);
    }
  });

  it('answers 401 to every non-public route without a session', async () => {
    const anonymous = request(t.app.getHttpServer());
    const urls = [...PROGRAMME_ROUTES('emas'), ...CORRECTION_ROUTES('emas'), ...AGREEMENT_ROUTES('convention-cadre-sdat-2022'), ...LIST_ROUTES, ...ADMIN_ROUTES, '/api/indicators', '/api/auth/me'];
    for (const url of urls) expect([url, (await anonymous.get(url)).status]).toEqual([url, 401]);
    expect((await anonymous.get('/api/health')).status).toBe(200);
  });

  it('writes an audit row for each refused access', async () => {
    const pilot = clients.get('pilote CCAS de Dijon')!;
    await pilot.get('/api/programmes/emas/budgets?year=2022&basis=forecast').expect(403);
    const admin = clients.get('administrateur')!;
    const rows = (await admin.get('/api/admin/audit?limit=50').expect(200)).body as { action: string; actorEmail: string; objectId: string; path: string }[];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'authorization_denied', actorEmail: pilot.email, objectId: 'emas', path: '/api/programmes/emas/budgets' }),
      ]),
    );
  });
});
