import request from 'supertest';
import { DataSource } from 'typeorm';
import { ensureUser, signIn, TEST_PASSWORD } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

const SESSION_COOKIE = /^sdat_session=([^;]+);/;

describe('Authentication: sessions, lockout, CSRF, disabling, audit', () => {
  let t: TestApp;
  let http: ReturnType<typeof request>;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_MINUTE: '1000' });
    http = request(t.app.getHttpServer());
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly, SameSite=Strict cookie and stores only an argon2id hash and the token’s SHA-256', async () => {
    const email = await ensureUser(t, 'pilot', 'ccas-dijon', '.cookie');
    const res = await http.post('/api/auth/login').send({ email: email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    const cookie = res.headers['set-cookie'][0] as string;
    expect(cookie).toMatch(SESSION_COOKIE);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = SESSION_COOKIE.exec(cookie)![1];
    const [user] = await ds.query('SELECT password_hash FROM app_user WHERE email = $1', [email]);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await ds.query('SELECT token_hash FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1', [email]);
    expect(sessions.map((s: { token_hash: string }) => s.token_hash)).not.toContain(token);
    expect(sessions.every((s: { token_hash: string }) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it('answers the same French 401 for an unknown account and a wrong password, and audits both', async () => {
    const email = await ensureUser(t, 'funder', 'ville-dijon', '.wrong');
    const unknown = await http.post('/api/auth/login').send({ email: 'personne@nulle-part.fr', password: 'x' }).expect(401);
    const wrong = await http.post('/api/auth/login').send({ email, password: 'pas le bon' }).expect(401);
    expect(unknown.body.message).toBe('Identifiant ou mot de passe incorrect.');
    expect(wrong.body).toEqual(unknown.body);
    const audit = await ds.query(`SELECT actor_email, details->>'reason' AS reason FROM audit_log WHERE action = 'login_failed' ORDER BY id`);
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor_email: 'personne@nulle-part.fr', reason: 'unknown_account' },
        { actor_email: email, reason: 'wrong_password' },
      ]),
    );
  });

  it('locks an account after 3 failures in a row, even for the right password', async () => {
    const email = await ensureUser(t, 'operator', 'sdat', '.lock');
    for (let i = 0; i < 3; i++) await http.post('/api/auth/login').send({ email, password: 'mauvais' }).expect(401);
    await http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    const [row] = await ds.query('SELECT locked_until > now() AS locked FROM app_user WHERE email = $1', [email]);
    expect(row.locked).toBe(true);
    const [last] = await ds.query(`SELECT details->>'reason' AS reason FROM audit_log WHERE actor_email = $1 ORDER BY id DESC LIMIT 1`, [email]);
    expect(last.reason).toBe('locked');
  });

  it('revokes the session on logout', async () => {
    const client = await signIn(t, 'pilot', 'dijon-metropole', '.logout');
    await client.post('/api/auth/logout').expect(200);
    await client.get('/api/auth/me').expect(401);
  });

  it('refuses a write without the CSRF header (403) and accepts it with the header', async () => {
    const email = await ensureUser(t, 'pilot', 'dijon-metropole', '.csrf');
    const client = request.agent(t.app.getHttpServer());
    await client.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const token = (await client.get('/api/auth/me').expect(200)).body.csrfToken as string;
    await client.post('/api/auth/logout').expect(403);
    await client.post('/api/auth/logout').set('X-CSRF-Token', 'faux').expect(403);
    await client.post('/api/auth/logout').set('X-CSRF-Token', token).expect(200);
  });

  it('ends the sessions of a user an admin disables, and writes before/after in the audit log', async () => {
    const admin = await signIn(t, 'admin', 'sdat');
    const victim = await signIn(t, 'funder', 'ccas-chenove', '.disabled');
    await victim.get('/api/auth/me').expect(200);
    const users = (await admin.get('/api/admin/users').expect(200)).body as { id: number; email: string; version: number }[];
    const target = users.find((u) => u.email === victim.email)!;
    expect(Object.keys(target)).not.toContain('passwordHash');
    await admin.patch(`/api/admin/users/${target.id}`).send({ version: target.version, disabled: true }).expect(200);
    await victim.get('/api/auth/me').expect(401);
    await request(t.app.getHttpServer()).post('/api/auth/login').send({ email: victim.email, password: TEST_PASSWORD }).expect(401);
    // A second edit with the old version is refused: nothing is lost silently.
    await admin.patch(`/api/admin/users/${target.id}`).send({ version: target.version, disabled: false }).expect(409);
    const [row] = await ds.query(
      `SELECT details->'before'->>'disabled' AS before, details->'after'->>'disabled' AS after FROM audit_log
        WHERE action = 'user_updated' AND object_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(target.id)],
    );
    expect(row).toEqual({ before: 'false', after: 'true' });
  });

  it('rejects unknown fields (mass assignment) and weak passwords on account creation', async () => {
    const admin = await signIn(t, 'admin', 'sdat');
    const base = { email: 'nouveau@test.sdat.fr', displayName: 'Nouveau', role: 'pilot', organisationCode: 'ccas-dijon', password: 'assez-long-pour-passer' };
    const extra = await admin.post('/api/admin/users').send({ ...base, disabled: false, passwordHash: 'x' }).expect(400);
    expect(extra.body.message).toEqual(expect.arrayContaining(["le paramètre « passwordHash » n'est pas accepté"]));
    const weak = await admin.post('/api/admin/users').send({ ...base, password: 'court' }).expect(400);
    expect(weak.body.message).toEqual(['le mot de passe doit compter au moins 12 caractères']);
    await admin.post('/api/admin/users').send({ ...base, organisationCode: 'inconnue' }).expect(400);
    const created = await admin.post('/api/admin/users').send(base).expect(201);
    expect(created.body).toMatchObject({ email: 'nouveau@test.sdat.fr', role: 'pilot', organisation: { code: 'ccas-dijon' } });
    await admin.post('/api/admin/users').send(base).expect(409);
  });

  it('keeps the audit log append-only: the application cannot update, delete or truncate it', async () => {
    const before = await ds.query('SELECT count(*)::int AS n FROM audit_log');
    expect(before[0].n).toBeGreaterThan(0);
    await expect(ds.query(`UPDATE audit_log SET action = 'effacé'`)).rejects.toThrow(/ajout seul/);
    await expect(ds.query('DELETE FROM audit_log')).rejects.toThrow(/ajout seul/);
    await expect(ds.query('TRUNCATE audit_log')).rejects.toThrow(/ajout seul/);
    const after = await ds.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBeGreaterThanOrEqual(before[0].n);
  });

  it('lists the audit log newest first, paging by id (numerically, past id 99)', async () => {
    await ds.query(`INSERT INTO audit_log (action) SELECT 'test_filler' FROM generate_series(1, 120)`);
    const admin = await signIn(t, 'admin', 'sdat');
    const [{ max }] = await ds.query('SELECT max(id)::text AS max FROM audit_log');
    const page = (await admin.get('/api/admin/audit?limit=5').expect(200)).body as { id: string }[];
    expect(page[0].id).toBe(max);
    const ids = page.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const next = (await admin.get(`/api/admin/audit?limit=5&before=${page[4].id}`).expect(200)).body as { id: string }[];
    expect(Number(next[0].id)).toBe(ids[4] - 1);
  });

  it('sends hardening headers: no-store on API answers, no CORS for other origins, helmet defaults', async () => {
    const client = await signIn(t, 'operator', 'sdat');
    const res = await client.get('/api/programmes').set('Origin', 'https://ailleurs.example').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // no-store: a client never revalidates, so no ETag is computed (a SHA-1 of every answer, 10 MB for a national comparison)
    expect(res.headers['etag']).toBeUndefined();
  });

  it('refuses a JSON body above the size limit with a French 413', async () => {
    const res = await http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413);
    expect(res.body.error).toBe('Contenu trop volumineux');
  });
});

describe('Rate limit on sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 in French once a client exceeds the sign-in rate', async () => {
    const http = request(t.app.getHttpServer());
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await http.post('/api/auth/login').send({ email: 'x@y.fr', password: 'z' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const res = await http.post('/api/auth/login').send({ email: 'x@y.fr', password: 'z' }).expect(429);
    expect(res.body.message).toBe('Trop de requêtes : réessayez dans une minute.');
  });
});

describe('Demo accounts', () => {
  it('exist only in demo mode, one per role, and sign in with the published password', async () => {
    // The test database is shared with specs that ran in demo mode: start from no demo account.
    const plain = await startTestApp();
    await plain.app.get(DataSource).query('DELETE FROM app_user WHERE demo');
    await plain.close();
    const restarted = await startTestApp();
    try {
      await request(restarted.app.getHttpServer()).get('/api/auth/demo-accounts').expect(404);
      const [row] = await restarted.app.get(DataSource).query('SELECT count(*)::int AS n FROM app_user WHERE demo');
      expect(row.n).toBe(0);
    } finally {
      await restarted.close();
    }
    const demo = await startTestApp({ DEMO_DATA: 'true', LOGIN_RATE_PER_MINUTE: '1000' });
    try {
      const http = request(demo.app.getHttpServer());
      const accounts = (await http.get('/api/auth/demo-accounts').expect(200)).body as { email: string; password: string; role: string; organisationName: string }[];
      expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(['operator', 'pilot', 'funder', 'monitoring_committee', 'admin']));
      for (const account of accounts) {
        const agent = request.agent(demo.app.getHttpServer());
        await agent.post('/api/auth/login').send({ email: account.email, password: account.password }).expect(200);
        const me = (await agent.get('/api/auth/me').expect(200)).body;
        expect(me.role).toBe(account.role);
        // the login page names the organisation as the session will
        expect(account.organisationName).toBe(me.organisation.name);
      }
    } finally {
      await demo.close();
    }
  }, 120_000);
});
