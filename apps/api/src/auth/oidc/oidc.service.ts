import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import { oidcSettings, type AppConfig, type OidcSettings } from '../../config/env';
import { AuditService } from '../audit.service';
import { AuthService, sameToken } from '../auth.service';
import type { Role } from '../policy';

/**
 * Why an OIDC sign-in was refused, as the login page reads it (`/connexion?erreur=…`). The page
 * shows a French sentence for each; the audit log records the precise reason.
 */
export type OidcErrorCode =
  | 'compte-inconnu'
  | 'compte-desactive'
  | 'compte-deja-associe'
  | 'connexion-expiree'
  | 'refus-fournisseur'
  | 'fournisseur-indisponible'
  | 'echec';

export class OidcLoginError extends Error {
  constructor(
    /** Audit reason (English, snake_case). */
    readonly reason: string,
    /** What the login page is told. */
    readonly code: OidcErrorCode,
    readonly details: Record<string, unknown> = {},
    /** Who the user claimed or proved to be, when known at that point. */
    readonly email: string | null = null,
  ) {
    super(reason);
  }
}

/** The provider metadata this client uses (OpenID Connect Discovery 1.0). */
interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  id_token_signing_alg_values_supported?: string[];
}

/** What the browser keeps between the redirect to the provider and its return (signed cookie). */
interface Transaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
  createdAt: number;
}

interface UserRow {
  id: number;
  email: string;
  role: Role;
  disabled: boolean;
  oidc_subject: string | null;
}

export const OIDC_TRANSACTION_COOKIE = 'sdat_oidc';
/** The transaction cookie is sent only to the OIDC routes. */
export const OIDC_COOKIE_PATH = '/api/auth/oidc';
/** Time allowed between the click on the button and the return from the provider. */
export const OIDC_TRANSACTION_TTL_MS = 10 * 60_000;
/** Leeway on the ID token's `exp`, `iat` and `nbf` for clocks a little apart. */
const CLOCK_TOLERANCE_SECONDS = 30;
const HTTP_TIMEOUT_MS = 10_000;
const METADATA_TTL_MS = 60 * 60_000;
/** Asymmetric algorithms only: an ID token MAC'd with the client secret is never accepted. */
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

const random = () => randomBytes(32).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * An address inside the dashboard to go back to after sign-in: a path of this site only (never
 * `//host`, `/\host` nor a full URL), else null.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return null;
  return value;
}

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce), off unless
 * OIDC_ISSUER is set. The provider only proves who the person is: the account, its role and its
 * organisation are those an admin created here. Accounts are matched by `sub`
 * (`app_user.oidc_subject`), else once by verified e-mail, which then records the `sub`.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OIDC');
  readonly settings: OidcSettings | null;
  /** HMAC key of the transaction cookie. */
  private readonly cookieKey: Buffer;
  private metadataCache: { value: Promise<ProviderMetadata>; until: number } | null = null;
  private jwksCache: { uri: string; keys: ReturnType<typeof createRemoteJWKSet> } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {
    this.settings = oidcSettings(config.env);
    // Derived from the client secret so that every instance of the app accepts the cookie of another;
    // a public client (no secret) uses a key of this process (a restart in between asks to start again).
    const secret = this.settings?.clientSecret;
    this.cookieKey = secret
      ? Buffer.from(hkdfSync('sha256', secret, 'sdat', 'oidc transaction cookie', 32))
      : randomBytes(32);
  }

  get enabled(): boolean {
    return this.settings !== null;
  }

  private get oidc(): OidcSettings {
    if (!this.settings) throw new Error('OIDC non configuré');
    return this.settings;
  }

  /** Fetches JSON (discovery, token, userinfo) with a timeout. */
  private async fetchWithTimeout(url: string, init: RequestInit = {}): Promise<Response> {
    return fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  }

  /** The provider's discovery document, cached an hour (a failure is not cached). */
  private metadata(): Promise<ProviderMetadata> {
    const now = Date.now();
    if (this.metadataCache && this.metadataCache.until > now) return this.metadataCache.value;
    const value = this.discover();
    this.metadataCache = { value, until: now + METADATA_TTL_MS };
    value.catch(() => {
      if (this.metadataCache?.value === value) this.metadataCache = null;
    });
    return value;
  }

  private async discover(): Promise<ProviderMetadata> {
    const issuer = this.oidc.issuer;
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let body: Partial<ProviderMetadata>;
    try {
      const response = await this.fetchWithTimeout(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as Partial<ProviderMetadata>;
    } catch (error) {
      throw new OidcLoginError('provider_unavailable', 'fournisseur-indisponible', { step: 'discovery', error: (error as Error).message });
    }
    // The issuer of the document must be exactly the configured one (OpenID Connect Discovery §4.3).
    if (body.issuer !== issuer) {
      throw new OidcLoginError('discovery_issuer_mismatch', 'fournisseur-indisponible', { expected: issuer, received: body.issuer ?? null });
    }
    for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof body[key] !== 'string' || !URL.canParse(body[key])) {
        throw new OidcLoginError('discovery_incomplete', 'fournisseur-indisponible', { missing: key });
      }
    }
    return body as ProviderMetadata;
  }

  private jwks(metadata: ProviderMetadata): ReturnType<typeof createRemoteJWKSet> {
    if (this.jwksCache?.uri !== metadata.jwks_uri) {
      // jose caches the keys and fetches them again when a token names an unknown key (rotation).
      this.jwksCache = { uri: metadata.jwks_uri, keys: createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: HTTP_TIMEOUT_MS }) };
    }
    return this.jwksCache.keys;
  }

  private algorithms(metadata: ProviderMetadata): string[] {
    const announced = metadata.id_token_signing_alg_values_supported ?? ['RS256'];
    return ASYMMETRIC_ALGORITHMS.filter((alg) => announced.includes(alg));
  }

  // ── transaction cookie ────────────────────────────────────────────────────────────────────────

  private sign(payload: string): string {
    return createHmac('sha256', this.cookieKey).update(payload).digest('base64url');
  }

  private sealTransaction(transaction: Transaction): string {
    const payload = Buffer.from(JSON.stringify(transaction)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  private openTransaction(cookie: unknown): Transaction {
    if (typeof cookie !== 'string' || cookie.length === 0) throw new OidcLoginError('transaction_missing', 'connexion-expiree');
    const [payload, signature, extra] = cookie.split('.');
    if (!payload || !signature || extra !== undefined || !sameToken(signature, this.sign(payload))) {
      throw new OidcLoginError('transaction_invalid', 'connexion-expiree');
    }
    const transaction = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Transaction;
    if (Date.now() - transaction.createdAt > OIDC_TRANSACTION_TTL_MS) throw new OidcLoginError('transaction_expired', 'connexion-expiree');
    return transaction;
  }

  // ── the flow ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Step 1: the address of the provider's authorization endpoint (code flow, PKCE S256, state,
   * nonce) and the signed transaction to keep in the browser until it comes back.
   */
  async start(returnTo: string | null): Promise<{ authorizationUrl: string; transaction: string }> {
    const oidc = this.oidc;
    const metadata = await this.metadata().catch((error: unknown) => {
      if (error instanceof OidcLoginError) this.logger.warn(`Fournisseur d'identité injoignable : ${error.reason} ${JSON.stringify(error.details)}`);
      throw error;
    });
    const transaction: Transaction = { state: random(), nonce: random(), codeVerifier: random(), returnTo, createdAt: Date.now() };
    const url = new URL(metadata.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', oidc.clientId);
    url.searchParams.set('redirect_uri', oidc.redirectUri);
    url.searchParams.set('scope', oidc.scopes);
    url.searchParams.set('state', transaction.state);
    url.searchParams.set('nonce', transaction.nonce);
    url.searchParams.set('code_challenge', s256(transaction.codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return { authorizationUrl: url.toString(), transaction: this.sealTransaction(transaction) };
  }

  /**
   * Step 2, the provider's redirect back: checks the transaction and the state, exchanges the code,
   * verifies the ID token (signature against the provider's JWKS, iss, aud, azp, exp, iat, nonce),
   * maps the identity to an active local account and opens the same session as a password sign-in.
   * Every refusal is audited (`login_failed`, method oidc, with its reason) and thrown as an
   * OidcLoginError.
   */
  async finish(query: Record<string, unknown>, cookie: unknown, request: Request): Promise<{ token: string; expiresAt: Date; returnTo: string | null }> {
    try {
      return await this.finishUnaudited(query, cookie, request);
    } catch (caught) {
      const error =
        caught instanceof OidcLoginError ? caught : new OidcLoginError('internal_error', 'echec', { error: (caught as Error).message });
      if (error.reason === 'internal_error') this.logger.error(`Connexion OIDC : ${(caught as Error).stack ?? caught}`);
      else this.logger.warn(`Connexion OIDC refusée : ${error.reason} ${JSON.stringify(error.details)}`);
      await this.audit.recordQuietly({
        action: 'login_failed',
        actorEmail: error.email,
        request,
        details: { method: 'oidc', reason: error.reason, ...error.details },
      });
      throw error;
    }
  }

  private async finishUnaudited(query: Record<string, unknown>, cookie: unknown, request: Request) {
    const oidc = this.oidc;
    const transaction = this.openTransaction(cookie);
    const param = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : null);
    const state = param('state');
    if (state === null || !sameToken(state, transaction.state)) throw new OidcLoginError('state_mismatch', 'connexion-expiree');
    // RFC 9207: a provider that names itself in the response must be the configured one (mix-up defence).
    const iss = param('iss');
    if (iss !== null && iss !== oidc.issuer) throw new OidcLoginError('issuer_mismatch', 'echec', { received: iss.slice(0, 200) });
    const providerError = param('error');
    if (providerError !== null) {
      throw new OidcLoginError('provider_error', 'refus-fournisseur', {
        error: providerError.slice(0, 100),
        description: param('error_description')?.slice(0, 300) ?? null,
      });
    }
    const code = param('code');
    if (code === null || code === '') throw new OidcLoginError('code_missing', 'echec');

    const metadata = await this.metadata();
    const tokens = await this.exchangeCode(metadata, code, transaction.codeVerifier);
    const claims = await this.verifyIdToken(metadata, tokens.idToken, transaction.nonce);
    const subject = claims.sub as string;

    const [bySubject]: UserRow[] = await this.ds.query(
      'SELECT id, email, role, disabled, oidc_subject FROM app_user WHERE oidc_subject = $1',
      [subject],
    );
    if (bySubject) {
      if (bySubject.disabled) throw new OidcLoginError('disabled', 'compte-desactive', { sub: subject }, bySubject.email);
      const session = await this.ds.transaction((manager) =>
        this.auth.openSession(manager, bySubject, request, { method: 'oidc', matchedBy: 'subject', sub: subject }),
      );
      return { ...session, returnTo: transaction.returnTo };
    }

    // Not linked yet: the e-mail address, from the ID token or else from the userinfo endpoint.
    const identity =
      typeof claims['email'] === 'string' ? claims : await this.userinfo(metadata, tokens.accessToken, subject);
    const rawEmail = identity['email'];
    if (typeof rawEmail !== 'string' || rawEmail.trim() === '') throw new OidcLoginError('no_email', 'compte-inconnu', { sub: subject });
    const email = rawEmail.trim().toLowerCase();
    const verified = identity['email_verified'] === true || identity['email_verified'] === 'true';
    if (oidc.requireEmailVerified && !verified) throw new OidcLoginError('email_not_verified', 'compte-inconnu', { sub: subject }, email);

    const [byEmail]: UserRow[] = await this.ds.query(
      'SELECT id, email, role, disabled, oidc_subject FROM app_user WHERE email = $1',
      [email],
    );
    if (!byEmail) throw new OidcLoginError('unknown_account', 'compte-inconnu', { sub: subject }, email);
    if (byEmail.disabled) throw new OidcLoginError('disabled', 'compte-desactive', { sub: subject }, email);
    // Already linked to another identity of the provider: an address that changed hands at the
    // provider must not open the account of its former owner.
    if (byEmail.oidc_subject !== null) throw new OidcLoginError('subject_mismatch', 'compte-deja-associe', { sub: subject }, email);

    const session = await this.ds
      .transaction(async (manager) => {
        const linked = await manager.query(
          `UPDATE app_user SET oidc_subject = $2 WHERE id = $1 AND oidc_subject IS NULL AND NOT disabled RETURNING id`,
          [byEmail.id, subject],
        );
        // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
        if ((linked[0] as unknown[]).length === 0) throw new OidcLoginError('subject_mismatch', 'compte-deja-associe', { sub: subject }, email);
        await this.audit.record(
          {
            action: 'oidc_subject_linked',
            actorEmail: email,
            request,
            objectType: 'user',
            objectId: String(byEmail.id),
            details: { issuer: oidc.issuer, sub: subject },
          },
          manager,
        );
        return this.auth.openSession(manager, byEmail, request, { method: 'oidc', matchedBy: 'email', sub: subject });
      })
      .catch((error: unknown) => {
        // Unique index on oidc_subject: the same identity was linked to another account meanwhile.
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
          throw new OidcLoginError('subject_conflict', 'compte-deja-associe', { sub: subject }, email);
        }
        throw error;
      });
    return { ...session, returnTo: transaction.returnTo };
  }

  /** The token endpoint: the code, the PKCE verifier and the client's credentials. */
  private async exchangeCode(metadata: ProviderMetadata, code: string, codeVerifier: string): Promise<{ idToken: string; accessToken: string | null }> {
    const oidc = this.oidc;
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: oidc.redirectUri, code_verifier: codeVerifier });
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    if (oidc.tokenAuthMethod === 'client_secret_basic') {
      // RFC 6749 §2.3.1: both parts form-urlencoded before base64.
      const part = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
      headers['Authorization'] = `Basic ${Buffer.from(`${part(oidc.clientId)}:${part(oidc.clientSecret ?? '')}`).toString('base64')}`;
    } else {
      form.set('client_id', oidc.clientId);
      if (oidc.tokenAuthMethod === 'client_secret_post') form.set('client_secret', oidc.clientSecret ?? '');
    }
    let response: Response;
    try {
      response = await this.fetchWithTimeout(metadata.token_endpoint, { method: 'POST', headers, body: form.toString() });
    } catch (error) {
      throw new OidcLoginError('provider_unavailable', 'fournisseur-indisponible', { step: 'token', error: (error as Error).message });
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (!response.ok || body === null) {
      throw new OidcLoginError('token_exchange_failed', 'echec', {
        status: response.status,
        error: typeof body?.['error'] === 'string' ? body['error'].slice(0, 100) : null,
      });
    }
    if (typeof body['id_token'] !== 'string') throw new OidcLoginError('id_token_missing', 'echec');
    return { idToken: body['id_token'], accessToken: typeof body['access_token'] === 'string' ? body['access_token'] : null };
  }

  /** Verifies the ID token (OpenID Connect Core §3.1.3.7) and returns its claims. */
  private async verifyIdToken(metadata: ProviderMetadata, idToken: string, nonce: string): Promise<JWTPayload> {
    const oidc = this.oidc;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.jwks(metadata), {
        issuer: oidc.issuer,
        audience: oidc.clientId,
        algorithms: this.algorithms(metadata),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'iat', 'exp'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
        throw new OidcLoginError('provider_unavailable', 'fournisseur-indisponible', { step: 'jwks', error: (error as Error).message });
      }
      throw new OidcLoginError('id_token_invalid', 'echec', {
        error: error.code,
        ...(error instanceof joseErrors.JWTClaimValidationFailed ? { claim: error.claim } : {}),
      });
    }
    // Several audiences: the token must have been issued to this client (azp).
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if ((audiences.length > 1 || payload['azp'] !== undefined) && payload['azp'] !== oidc.clientId) {
      throw new OidcLoginError('id_token_invalid', 'echec', { error: 'azp_mismatch' });
    }
    if (typeof payload['nonce'] !== 'string' || !sameToken(payload['nonce'], nonce)) {
      throw new OidcLoginError('nonce_mismatch', 'echec', { sub: payload.sub ?? null });
    }
    if (typeof payload.sub !== 'string' || payload.sub === '' || payload.sub.length > 255) {
      throw new OidcLoginError('id_token_invalid', 'echec', { error: 'sub_invalid' });
    }
    return payload;
  }

  /**
   * The userinfo endpoint, for providers that put the e-mail there rather than in the ID token
   * (ProConnect). Its answer is JSON or a signed JWT (verified against the same JWKS); its `sub`
   * must be the ID token's.
   */
  private async userinfo(metadata: ProviderMetadata, accessToken: string | null, subject: string): Promise<Record<string, unknown>> {
    if (!metadata.userinfo_endpoint || accessToken === null) return {};
    let claims: Record<string, unknown>;
    try {
      const response = await this.fetchWithTimeout(metadata.userinfo_endpoint, {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json, application/jwt' },
      });
      if (!response.ok) throw new OidcLoginError('userinfo_failed', 'echec', { status: response.status });
      if ((response.headers.get('content-type') ?? '').startsWith('application/jwt')) {
        const { payload } = await jwtVerify(await response.text(), this.jwks(metadata), {
          algorithms: this.algorithms(metadata),
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        });
        if (payload.iss !== undefined && payload.iss !== this.oidc.issuer) throw new OidcLoginError('userinfo_failed', 'echec', { error: 'iss' });
        const aud = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
        if (aud.length > 0 && !aud.includes(this.oidc.clientId)) throw new OidcLoginError('userinfo_failed', 'echec', { error: 'aud' });
        claims = payload;
      } else {
        claims = (await response.json()) as Record<string, unknown>;
      }
    } catch (error) {
      if (error instanceof OidcLoginError) throw error;
      throw new OidcLoginError('userinfo_failed', 'echec', {
        error: error instanceof joseErrors.JOSEError ? error.code : (error as Error).message,
      });
    }
    if (claims['sub'] !== subject) throw new OidcLoginError('userinfo_failed', 'echec', { error: 'sub_mismatch' });
    return claims;
  }
}
