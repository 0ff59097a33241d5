import { z } from 'zod';

/**
 * Every environment variable the API reads, validated once at boot.
 * The README's configuration table mirrors this schema; `.env.example` lists them too.
 */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** https, or http on the loopback (a development or test identity provider). */
const secureOrLoopback = (value: string): boolean => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
};

/** Path of the OIDC callback route: the transaction cookie is scoped to its folder. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL server. When absent, an embedded PostgreSQL (PGlite) is started in-process. */
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  /** Where the embedded database keeps its files (only without DATABASE_URL). */
  EMBEDDED_DB_DIR: z.string().default('.data/pglite'),
  /** Port of the embedded database's socket (0 = any free port). */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Programme-years of computed indicators kept in memory, valid while their data version is unchanged (0: off).
  INDICATOR_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(2000),
  /** Load the demo dataset at start-up (default: only with the embedded database). */
  DEMO_DATA: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  /** Built dashboard served on the same port; empty = API only. */
  DASHBOARD_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Lifetime of a session (hours) from sign-in; signing out, or disabling the user, ends it sooner. */
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  /** Session cookie `Secure` flag: `auto` sets it when the request came over HTTPS. */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Failed sign-ins in a row before an account is locked, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Requests per minute and per client on sign-in, and on exports/PDFs. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  EXPORT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Origins allowed to call the API from a browser (comma-separated). Empty = same origin only. */
  CORS_ORIGINS: z.preprocess(emptyToUndefined, z.string().optional()),
  /** Largest JSON request body. */
  BODY_LIMIT: z.string().default('1mb'),
  /**
   * Secret of the HMAC that turns an operator's own identifier into a pseudonymous key (at least
   * 32 characters). Required with a PostgreSQL server; demo mode uses a fixed demo secret.
   */
  PSEUDONYM_SECRET: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
  /** Episode-level rows are purged this many months after the last contact (CNIL, social sector: 2 years). */
  RETENTION_MONTHS: z.coerce.number().int().min(1).default(24),

  /**
   * OpenID Connect sign-in (ProConnect or any OIDC provider), off when OIDC_ISSUER is unset. The
   * issuer's discovery document is read at `${OIDC_ISSUER}/.well-known/openid-configuration`.
   */
  OIDC_ISSUER: z.preprocess(
    emptyToUndefined,
    z.string().url().refine(secureOrLoopback, 'doit être une adresse https (http seulement sur localhost)').optional(),
  ),
  OIDC_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().optional()),
  OIDC_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string().optional()),
  /** How the client authenticates at the token endpoint (`none`: public client, PKCE only). */
  OIDC_TOKEN_AUTH_METHOD: z.enum(['client_secret_basic', 'client_secret_post', 'none']).default('client_secret_basic'),
  /** The callback address registered at the provider: `https://<public host>/api/auth/oidc/callback`. */
  OIDC_REDIRECT_URI: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .refine(secureOrLoopback, 'doit être une adresse https (http seulement sur localhost)')
      .refine((v) => new URL(v).pathname === OIDC_CALLBACK_PATH, `doit se terminer par ${OIDC_CALLBACK_PATH}`)
      .optional(),
  ),
  /** Scopes asked for (space-separated); `openid` is required. */
  OIDC_SCOPES: z
    .string()
    .default('openid email')
    .refine((v) => v.split(/\s+/).includes('openid'), 'doit contenir « openid »'),
  /** Text of the sign-in button on the login page. */
  OIDC_LABEL: z.preprocess(emptyToUndefined, z.string().max(80).default('Se connecter avec le fournisseur d’identité')),
  /**
   * Link an account by e-mail only when the provider says the address is verified (`email_verified: true`).
   * Set to `false` only for a provider that vouches for its addresses without sending that claim.
   */
  OIDC_REQUIRE_EMAIL_VERIFIED: z.enum(['true', 'false']).default('true'),
}).superRefine((env, ctx) => {
  if (!env.OIDC_ISSUER) return;
  const missing = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  if (!env.OIDC_CLIENT_ID) missing('OIDC_CLIENT_ID', 'obligatoire quand OIDC_ISSUER est défini');
  if (!env.OIDC_REDIRECT_URI) missing('OIDC_REDIRECT_URI', 'obligatoire quand OIDC_ISSUER est défini');
  if (env.OIDC_TOKEN_AUTH_METHOD !== 'none' && !env.OIDC_CLIENT_SECRET) {
    missing('OIDC_CLIENT_SECRET', 'obligatoire quand OIDC_ISSUER est défini (sauf OIDC_TOKEN_AUTH_METHOD=none)');
  }
});

export type Env = z.infer<typeof envSchema>;

/** The OIDC settings when OIDC_ISSUER is set (validated together by the schema), else null. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  tokenAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
  redirectUri: string;
  scopes: string;
  label: string;
  requireEmailVerified: boolean;
}

export function oidcSettings(env: Env): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_REDIRECT_URI) return null;
  return {
    // The issuer identifier is compared exactly with the discovery document and the ID token's `iss`.
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET ?? null,
    tokenAuthMethod: env.OIDC_TOKEN_AUTH_METHOD,
    redirectUri: env.OIDC_REDIRECT_URI,
    scopes: env.OIDC_SCOPES.split(/\s+/).filter(Boolean).join(' '),
    label: env.OIDC_LABEL,
    requireEmailVerified: env.OIDC_REQUIRE_EMAIL_VERIFIED === 'true',
  };
}

export interface AppConfig {
  env: Env;
  /** Connection string actually used (server or embedded). */
  databaseUrl: string;
  databaseMode: 'server' | 'embedded';
  demoData: boolean;
  /** The embedded database's start (logged with the other start-up steps). */
  embeddedStart?: { origin: 'existing' | 'template' | 'initdb'; ms: number };
  /**
   * The code version under which computed results are stored in PostgreSQL (programme_year_result):
   * the server gives the hash of its bundle, so that a new build never reads what another computed.
   * Absent: one of its own per process (nothing stored by another process is read).
   */
  resultsEngine?: string;
}

export class ConfigError extends Error {}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((i) => `  - ${i.path.join('.')}: ${i.message}`)
      .join('\n');
    throw new ConfigError(`Configuration invalide :\n${details}`);
  }
  return parsed.data;
}

/** Demo/test secret: pseudonymous keys of demo data are not personal data. Never used with real data. */
const DEMO_PSEUDONYM_SECRET = 'sdat-demo-pseudonym-secret-not-for-real-data';

/**
 * The HMAC secret for pseudonymous keys: PSEUDONYM_SECRET, or in demo mode and tests a fixed demo
 * secret. A production server without it refuses to start (see createApp).
 */
export function pseudonymSecret(config: AppConfig): string {
  if (config.env.PSEUDONYM_SECRET) return config.env.PSEUDONYM_SECRET;
  if (config.demoData || config.env.NODE_ENV === 'test' || config.databaseMode === 'embedded') return DEMO_PSEUDONYM_SECRET;
  throw new ConfigError(
    'Configuration invalide :\n  - PSEUDONYM_SECRET: obligatoire avec un serveur PostgreSQL hors démonstration (au moins 32 caractères).',
  );
}
