import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** The person who authenticates at the fake provider on the next /authorize. */
export interface FakeIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  nonce: string;
  codeChallenge: string;
  identity: FakeIdentity;
}

export interface FakeIdpOptions {
  clientId: string;
  clientSecret: string;
}

/**
 * A small OpenID Connect provider for the tests, on the loopback: discovery, JWKS, authorization
 * (answers at once with a code for `nextIdentity`), token (checks client_secret_basic, the code, the
 * redirect URI and PKCE S256, signs an RS256 ID token) and userinfo (JSON or signed JWT).
 * Tests make it misbehave through the `tamper*` fields.
 */
export class FakeIdp {
  readonly kid = 'cle-de-test-1';
  issuer = '';
  /** Who signs in on the next /authorize. */
  nextIdentity: FakeIdentity = { sub: 'personne' };
  /** Changes to the ID token's claims (wrong nonce, audience, expiry…). */
  tamperClaims: (claims: JWTPayload) => JWTPayload = (claims) => claims;
  /** Signs the ID token with this key (same kid) instead of the published one. */
  tamperKey: CryptoKey | null = null;
  /** Leave the e-mail out of the ID token (it is then only at the userinfo endpoint, as ProConnect does). */
  emailOnlyInUserinfo = false;
  /** Answer the userinfo endpoint with a signed JWT (application/jwt) instead of JSON. */
  userinfoAsJwt = false;
  /** Token requests received (to check client authentication and PKCE). */
  readonly tokenRequests: { authorization: string | undefined; form: URLSearchParams }[] = [];
  userinfoRequests = 0;
  /** Answer 503 on discovery (the provider is down). */
  discoveryDown = false;

  private server: Server | null = null;
  private privateKey!: CryptoKey;
  private publicJwk!: Record<string, unknown>;
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, FakeIdentity>();

  constructor(private readonly options: FakeIdpOptions) {}

  static async start(options: FakeIdpOptions): Promise<FakeIdp> {
    const idp = new FakeIdp(options);
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    idp.privateKey = privateKey;
    idp.publicJwk = { ...(await exportJWK(publicKey)), kid: idp.kid, alg: 'RS256', use: 'sig' };
    const server = createServer((req, res) => void idp.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    idp.server = server;
    idp.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fournisseur`;
    return idp;
  }

  /** Puts the provider back to its normal behaviour between tests. */
  reset(): void {
    this.nextIdentity = { sub: 'personne' };
    this.tamperClaims = (claims) => claims;
    this.tamperKey = null;
    this.emailOnlyInUserinfo = false;
    this.userinfoAsJwt = false;
    this.tokenRequests.length = 0;
    this.userinfoRequests = 0;
    this.discoveryDown = false;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.issuer);
    const path = url.pathname.replace(/^\/fournisseur/, '');
    if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
      if (this.discoveryDown) return this.json(res, 503, { error: 'temporarily_unavailable' });
      return this.json(res, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        userinfo_endpoint: `${this.issuer}/userinfo`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (req.method === 'GET' && path === '/jwks') return this.json(res, 200, { keys: [this.publicJwk] });
    if (req.method === 'GET' && path === '/authorize') return this.authorize(url, res);
    if (req.method === 'POST' && path === '/token') return this.token(req, res);
    if (req.method === 'GET' && path === '/userinfo') return this.userinfo(req, res);
    return this.json(res, 404, { error: 'not_found' });
  }

  private authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const [redirectUri, state, nonce, codeChallenge] = ['redirect_uri', 'state', 'nonce', 'code_challenge'].map((name) => q.get(name) ?? '');
    const valid =
      q.get('response_type') === 'code' &&
      q.get('client_id') === this.options.clientId &&
      (q.get('scope') ?? '').split(' ').includes('openid') &&
      q.get('code_challenge_method') === 'S256' &&
      codeChallenge.length === 43 &&
      state !== '' &&
      nonce !== '';
    if (!valid || redirectUri === '') return this.json(res, 400, { error: 'invalid_request' });
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { clientId: this.options.clientId, redirectUri, nonce, codeChallenge, identity: this.nextIdentity });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', state);
    res.writeHead(302, { Location: back.toString() });
    res.end();
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    this.tokenRequests.push({ authorization: req.headers.authorization, form });
    const expected = `Basic ${Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return this.json(res, 401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    if (
      !pending ||
      form.get('grant_type') !== 'authorization_code' ||
      form.get('redirect_uri') !== pending.redirectUri ||
      createHash('sha256').update(verifier).digest('base64url') !== pending.codeChallenge
    ) {
      return this.json(res, 400, { error: 'invalid_grant' });
    }
    const now = Math.floor(Date.now() / 1000);
    const { sub, ...profile } = pending.identity;
    const claims = this.tamperClaims({
      iss: this.issuer,
      aud: pending.clientId,
      sub,
      nonce: pending.nonce,
      iat: now,
      exp: now + 300,
      ...(this.emailOnlyInUserinfo ? {} : profile),
    });
    const idToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: this.kid }).sign(this.tamperKey ?? this.privateKey);
    const accessToken = randomBytes(16).toString('hex');
    this.accessTokens.set(accessToken, pending.identity);
    return this.json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 60, id_token: idToken });
  }

  private async userinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.userinfoRequests += 1;
    const identity = this.accessTokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!identity) return this.json(res, 401, { error: 'invalid_token' });
    if (!this.userinfoAsJwt) return this.json(res, 200, identity);
    const jwt = await new SignJWT({ ...identity })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .setIssuer(this.issuer)
      .setAudience(this.options.clientId)
      .setIssuedAt()
      .sign(this.privateKey);
    res.writeHead(200, { 'Content-Type': 'application/jwt' });
    res.end(jwt);
  }
}
