import { createHash } from 'node:crypto';
import { generateKeyPair } from 'jose';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { safeReturnPath } from '../src/auth/oidc/oidc.service';
import { ConfigError, parseEnv } from '../src/config/env';
import { FakeIdp, type FakeIdentity } from './support/fake-idp';
import { startTestApp, type TestApp } from './support/test-app';

const CLIENT_ID = 'sdat-tableau-de-bord';
const CLIENT_SECRET = 'secret-du-client-de-test';
const REDIRECT_URI = 'http://127.0.0.1/api/auth/oidc/callback';
/** Every account this spec creates: removed before and after (shared test database). */
const EMAIL_DOMAIN = '@oidc.test.sdat.fr';

const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const transactionCookie = (res: request.Response): string => cookiesOf(res).find((c) => c.startsWith('sdat_oidc=')) ?? '';
const sessionCookie = (res: request.Response) => cookiesOf(res).find((c) => c.startsWith('sdat_session=') && !c.startsWith('sdat_session=;'));

describe('OIDC sign-in: off by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('says it is off and answers 404 on its routes', async () => {
    const http = request(t.app.getHttpServer());
    expect((await http.get('/api/auth/config').expect(200)).body).toEqual({ oidc: { enabled: false, label: null } });
    const login = await http.get('/api/auth/oidc/login').expect(404);
    expect(login.body.message).toBe("La connexion par fournisseur d'identité (OIDC) n'est pas activée.");
    await http.get('/api/auth/oidc/callback?code=x&state=y').expect(404);
  });
});

describe('OIDC configuration', () => {
  const base = { OIDC_ISSUER: 'https://idp.example.fr/api/v2', OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 's', OIDC_REDIRECT_URI: 'https://sdat.example.fr/api/auth/oidc/callback' };

  it('accepts a complete configuration with the defaults', () => {
    const env = parseEnv(base);
    expect(env.OIDC_SCOPES).toBe('openid email');
    expect(env.OIDC_TOKEN_AUTH_METHOD).toBe('client_secret_basic');
    expect(env.OIDC_REQUIRE_EMAIL_VERIFIED).toBe('true');
  });

  it('refuses an incomplete or unsafe configuration with French messages', () => {
    expect(() => parseEnv({ OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(ConfigError);
    expect(() => parseEnv({ OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: obligatoire quand OIDC_ISSUER est défini/);
    expect(() => parseEnv({ ...base, OIDC_CLIENT_SECRET: '' })).toThrow(/OIDC_CLIENT_SECRET: obligatoire/);
    expect(() => parseEnv({ ...base, OIDC_CLIENT_SECRET: '', OIDC_TOKEN_AUTH_METHOD: 'none' })).not.toThrow();
    expect(() => parseEnv({ ...base, OIDC_ISSUER: 'http://idp.example.fr' })).toThrow(/OIDC_ISSUER: doit être une adresse https/);
    expect(() => parseEnv({ ...base, OIDC_REDIRECT_URI: 'https://sdat.example.fr/retour' })).toThrow(/OIDC_REDIRECT_URI: doit se terminer par \/api\/auth\/oidc\/callback/);
    expect(() => parseEnv({ ...base, OIDC_SCOPES: 'email profile' })).toThrow(/OIDC_SCOPES: doit contenir « openid »/);
  });

  it('keeps only paths of this site as the return address', () => {
    expect(safeReturnPath('/dispositifs/emas?annee=2022')).toBe('/dispositifs/emas?annee=2022');
    for (const bad of ['//ailleurs.example', '/\\ailleurs.example', 'https://ailleurs.example/', 'dispositifs', '/a b', '', undefined, ['/x']]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});

describe('OIDC sign-in against a provider (authorization code + PKCE, state, nonce)', () => {
  let idp: FakeIdp;
  let t: TestApp;
  let ds: DataSource;

  const removeTestUsers = () => ds.query(`DELETE FROM app_user WHERE email LIKE $1`, [`%${EMAIL_DOMAIN}`]);

  /** A local account made by an admin (no password: OIDC only). */
  async function createUser(name: string, options: { subject?: string; disabled?: boolean } = {}): Promise<{ id: number; email: string }> {
    const email = `${name}${EMAIL_DOMAIN}`;
    const [row] = await ds.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, organisation_id, disabled, oidc_subject)
       SELECT $1, $2, 'pilot', NULL, id, $3, $4 FROM organisation WHERE code = 'ccas-dijon' RETURNING id`,
      [email, `Test ${name}`, options.disabled ?? false, options.subject ?? null],
    );
    return { id: row.id, email };
  }

  const sessionsOf = async (userId: number): Promise<number> =>
    (await ds.query('SELECT count(*)::int AS n FROM user_session WHERE user_id = $1', [userId]))[0].n;

  const lastOidcAudit = async (action: string) =>
    (
      await ds.query(
        `SELECT actor_email, details, path FROM audit_log WHERE action = $1 AND details->>'method' = 'oidc' ORDER BY id DESC LIMIT 1`,
        [action],
      )
    )[0];

  /** Clicks the button: the app's redirect to the provider, and the transaction cookie it sets. */
  async function startLogin(agent: TestAgent, query = ''): Promise<{ authorize: URL; res: request.Response }> {
    const res = await agent.get(`/api/auth/oidc/login${query}`).expect(302);
    return { authorize: new URL(res.headers['location'] as string), res };
  }

  /** The provider authenticates `identity` and redirects back: the callback's path and query. */
  async function authenticateAtProvider(authorize: URL, identity: FakeIdentity): Promise<URL> {
    idp.nextIdentity = identity;
    const res = await fetch(authorize, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  }

  /** The whole browser round trip; returns the callback's answer. */
  async function signInWithProvider(agent: TestAgent, identity: FakeIdentity, query = ''): Promise<request.Response> {
    const { authorize } = await startLogin(agent, query);
    const back = await authenticateAtProvider(authorize, identity);
    return agent.get(`${back.pathname}${back.search}`);
  }

  /** A refused callback: back to the login page with the error code, no session cookie. */
  function expectRefused(res: request.Response, code: string): void {
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe(`/connexion?erreur=${code}`);
    expect(sessionCookie(res)).toBeUndefined();
  }

  beforeAll(async () => {
    idp = await FakeIdp.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    t = await startTestApp({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_LABEL: 'Se connecter avec ProConnect',
      LOGIN_RATE_PER_MINUTE: '1000',
    });
    ds = t.app.get(DataSource);
    await removeTestUsers();
  });
  beforeEach(() => idp.reset());
  afterAll(async () => {
    await removeTestUsers();
    await t.close();
    await idp.stop();
  });

  it('tells the dashboard that OIDC is on, with the button label', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/auth/config').expect(200);
    expect(res.body).toEqual({ oidc: { enabled: true, label: 'Se connecter avec ProConnect' } });
  });

  // Runs before any discovery succeeds: the app caches the provider's metadata for an hour.
  it('sends the user back to the login page when the provider cannot be reached', async () => {
    idp.discoveryDown = true;
    const res = await request(t.app.getHttpServer()).get('/api/auth/oidc/login').expect(302);
    expect(res.headers['location']).toBe('/connexion?erreur=fournisseur-indisponible');
    expect(transactionCookie(res)).toBe('');
  });

  it('redirects to the authorization endpoint with PKCE S256, state and nonce, keeping them in a Lax, httpOnly cookie', async () => {
    const { authorize, res } = await startLogin(request.agent(t.app.getHttpServer()));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${idp.issuer}/authorize`);
    const q = authorize.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(q.get('scope')).toBe('openid email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = transactionCookie(res);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    // The cookie keeps the verifier, the state and the nonce; only the verifier's S256 goes to the provider.
    const payload = decodeURIComponent(cookie.split(';')[0].slice('sdat_oidc='.length)).split('.')[0];
    const transaction = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(transaction).toMatchObject({ state: q.get('state'), nonce: q.get('nonce') });
    expect(q.get('code_challenge')).toBe(createHash('sha256').update(transaction.codeVerifier).digest('base64url'));
    expect(authorize.toString()).not.toContain(transaction.codeVerifier);
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('signs in an account linked by subject, with the same session as a password sign-in', async () => {
    const user = await createUser('lie', { subject: 'sujet-lie' });
    const agent = request.agent(t.app.getHttpServer());
    const res = await signInWithProvider(agent, { sub: 'sujet-lie', email: 'autre-adresse@ailleurs.fr', email_verified: true }, '?retour=/conventions');
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe('/conventions');
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // The transaction cookie is single use.
    expect(transactionCookie(res)).toMatch(/^sdat_oidc=;/);

    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ email: user.email, role: 'pilot', organisation: { code: 'ccas-dijon' } });
    // The client authenticated with client_secret_basic and proved the PKCE verifier.
    expect(idp.tokenRequests).toHaveLength(1);
    expect(idp.tokenRequests[0].authorization).toMatch(/^Basic /);
    expect(idp.tokenRequests[0].form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(idp.tokenRequests[0].form.get('client_secret')).toBeNull();

    const audit = await lastOidcAudit('login_succeeded');
    expect(audit.actor_email).toBe(user.email);
    expect(audit.details).toMatchObject({ userId: user.id, role: 'pilot', method: 'oidc', matchedBy: 'subject', sub: 'sujet-lie' });
    // The e-mail the provider sent does not change the account.
    expect((await ds.query('SELECT email FROM app_user WHERE id = $1', [user.id]))[0].email).toBe(user.email);

    // Same session rules: CSRF on writes, logout revokes it.
    await agent.post('/api/auth/logout').expect(403);
    await agent.post('/api/auth/logout').set('X-CSRF-Token', me.body.csrfToken).expect(200);
    await agent.get('/api/auth/me').expect(401);
  });

  it('links an active account by verified e-mail once, then recognises it by subject', async () => {
    const user = await createUser('par-adresse');
    const agent = request.agent(t.app.getHttpServer());
    const res = await signInWithProvider(agent, { sub: 'sujet-nouveau', email: user.email.toUpperCase(), email_verified: true });
    expect(res.headers['location']).toBe('/connexion');
    expect(sessionCookie(res)).toBeDefined();
    await agent.get('/api/auth/me').expect(200);
    expect((await ds.query('SELECT oidc_subject FROM app_user WHERE id = $1', [user.id]))[0].oidc_subject).toBe('sujet-nouveau');
    const [linked] = await ds.query(`SELECT object_id, details FROM audit_log WHERE action = 'oidc_subject_linked' ORDER BY id DESC LIMIT 1`);
    expect(linked).toEqual({ object_id: String(user.id), details: { issuer: idp.issuer, sub: 'sujet-nouveau' } });
    expect((await lastOidcAudit('login_succeeded')).details).toMatchObject({ matchedBy: 'email' });

    // Next time the provider may send another address: the subject decides.
    const again = await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-nouveau', email: 'change@ailleurs.fr', email_verified: true });
    expect(sessionCookie(again)).toBeDefined();
    expect((await lastOidcAudit('login_succeeded')).details).toMatchObject({ matchedBy: 'subject' });
  });

  it('reads the e-mail from a signed userinfo answer when the ID token has none (ProConnect)', async () => {
    const user = await createUser('userinfo');
    idp.emailOnlyInUserinfo = true;
    idp.userinfoAsJwt = true;
    const agent = request.agent(t.app.getHttpServer());
    const res = await signInWithProvider(agent, { sub: 'sujet-userinfo', email: user.email, email_verified: true });
    expect(sessionCookie(res)).toBeDefined();
    expect(idp.userinfoRequests).toBe(1);
    expect((await agent.get('/api/auth/me').expect(200)).body.email).toBe(user.email);
  });

  it('refuses an e-mail the provider does not say is verified, and links nothing', async () => {
    const user = await createUser('non-verifiee');
    const res = await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-non-verifie', email: user.email });
    expectRefused(res, 'compte-inconnu');
    expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'email_not_verified' });
    expect((await ds.query('SELECT oidc_subject FROM app_user WHERE id = $1', [user.id]))[0].oidc_subject).toBeNull();
  });

  it('never creates an account: an unknown identity is refused and audited', async () => {
    const email = `inconnu${EMAIL_DOMAIN}`;
    const res = await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-inconnu', email, email_verified: true });
    expectRefused(res, 'compte-inconnu');
    expect(await ds.query('SELECT 1 FROM app_user WHERE email = $1 OR oidc_subject = $2', [email, 'sujet-inconnu'])).toEqual([]);
    const audit = await lastOidcAudit('login_failed');
    expect(audit.actor_email).toBe(email);
    expect(audit.details).toMatchObject({ method: 'oidc', reason: 'unknown_account', sub: 'sujet-inconnu' });
    expect(audit.path).toBe('/api/auth/oidc/callback');
  });

  it('refuses a disabled account, found by subject or by e-mail', async () => {
    const linked = await createUser('desactive-lie', { subject: 'sujet-desactive', disabled: true });
    expectRefused(await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-desactive' }), 'compte-desactive');
    expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'disabled' });
    expect(await sessionsOf(linked.id)).toBe(0);

    const byEmail = await createUser('desactive-adresse', { disabled: true });
    const res = await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-autre', email: byEmail.email, email_verified: true });
    expectRefused(res, 'compte-desactive');
    expect(await sessionsOf(byEmail.id)).toBe(0);
    expect((await ds.query('SELECT oidc_subject FROM app_user WHERE id = $1', [byEmail.id]))[0].oidc_subject).toBeNull();
  });

  it('refuses an e-mail whose account is already linked to another identity', async () => {
    const user = await createUser('deja-lie', { subject: 'sujet-ancien' });
    const res = await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-usurpateur', email: user.email, email_verified: true });
    expectRefused(res, 'compte-deja-associe');
    expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'subject_mismatch' });
    expect((await ds.query('SELECT oidc_subject FROM app_user WHERE id = $1', [user.id]))[0].oidc_subject).toBe('sujet-ancien');
  });

  describe('refuses a response that does not verify (no session, back to the login page, audited)', () => {
    let user: { id: number; email: string };
    beforeAll(async () => {
      user = await createUser('verifications', { subject: 'sujet-verifie' });
    });

    it('wrong state: the code is not even exchanged', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const { authorize } = await startLogin(agent);
      const back = await authenticateAtProvider(authorize, { sub: 'sujet-verifie' });
      back.searchParams.set('state', 'etat-falsifie');
      expectRefused(await agent.get(`${back.pathname}${back.search}`), 'connexion-expiree');
      expect(idp.tokenRequests).toHaveLength(0);
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'state_mismatch' });
      expect(await sessionsOf(user.id)).toBe(0);
    });

    it('no transaction cookie (another browser, or expired)', async () => {
      const { authorize } = await startLogin(request.agent(t.app.getHttpServer()));
      const back = await authenticateAtProvider(authorize, { sub: 'sujet-verifie' });
      expectRefused(await request(t.app.getHttpServer()).get(`${back.pathname}${back.search}`), 'connexion-expiree');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'transaction_missing' });
    });

    it('a transaction older than 10 minutes (the browser drops the cookie, and the server checks the date too)', async () => {
      const { authorize, res } = await startLogin(request.agent(t.app.getHttpServer()));
      const cookie = transactionCookie(res).split(';')[0];
      const back = await authenticateAtProvider(authorize, { sub: 'sujet-verifie' });
      const now = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 11 * 60_000);
      try {
        expectRefused(await request(t.app.getHttpServer()).get(`${back.pathname}${back.search}`).set('Cookie', cookie), 'connexion-expiree');
      } finally {
        clock.mockRestore();
      }
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'transaction_expired' });
      expect(idp.tokenRequests).toHaveLength(0);
    });

    it('a forged transaction cookie', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const { authorize } = await startLogin(agent);
      const back = await authenticateAtProvider(authorize, { sub: 'sujet-verifie' });
      const forged = Buffer.from(JSON.stringify({ state: back.searchParams.get('state'), nonce: 'n', codeVerifier: 'v', returnTo: null, createdAt: Date.now() })).toString('base64url');
      const res = await request(t.app.getHttpServer()).get(`${back.pathname}${back.search}`).set('Cookie', `sdat_oidc=${forged}.c2lnbmF0dXJl`);
      expectRefused(res, 'connexion-expiree');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'transaction_invalid' });
    });

    it('wrong nonce', async () => {
      idp.tamperClaims = (claims) => ({ ...claims, nonce: 'nonce-rejoue' });
      expectRefused(await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-verifie' }), 'echec');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'nonce_mismatch' });
      expect(await sessionsOf(user.id)).toBe(0);
    });

    it('wrong audience', async () => {
      idp.tamperClaims = (claims) => ({ ...claims, aud: 'une-autre-application' });
      expectRefused(await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-verifie' }), 'echec');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'id_token_invalid', claim: 'aud' });
      expect(await sessionsOf(user.id)).toBe(0);
    });

    it('wrong issuer', async () => {
      idp.tamperClaims = (claims) => ({ ...claims, iss: 'https://faux-fournisseur.example' });
      expectRefused(await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-verifie' }), 'echec');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'id_token_invalid', claim: 'iss' });
    });

    it('expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      idp.tamperClaims = (claims) => ({ ...claims, iat: now - 3600, exp: now - 600 });
      expectRefused(await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-verifie' }), 'echec');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'id_token_invalid', error: 'ERR_JWT_EXPIRED' });
      expect(await sessionsOf(user.id)).toBe(0);
    });

    it('bad signature (another key under the published key id)', async () => {
      idp.tamperKey = (await generateKeyPair('RS256')).privateKey;
      expectRefused(await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-verifie' }), 'echec');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({
        reason: 'id_token_invalid',
        error: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      });
      expect(await sessionsOf(user.id)).toBe(0);
    });

    it('an error answered by the provider (the user declined)', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const { authorize } = await startLogin(agent);
      const res = await agent.get(`/api/auth/oidc/callback?error=access_denied&state=${authorize.searchParams.get('state')}`);
      expectRefused(res, 'refus-fournisseur');
      expect((await lastOidcAudit('login_failed')).details).toMatchObject({ reason: 'provider_error', error: 'access_denied' });
    });

    it('a return address outside the site is ignored', async () => {
      const res = await signInWithProvider(request.agent(t.app.getHttpServer()), { sub: 'sujet-verifie' }, '?retour=//ailleurs.example/piege');
      expect(res.headers['location']).toBe('/connexion');
      expect(sessionCookie(res)).toBeDefined();
    });
  });
});
