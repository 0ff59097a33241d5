import { z } from 'zod';

/**
 * Every environment variable the API reads, validated once at boot.
 * The README's configuration table mirrors this schema; `.env.example` lists them too.
 */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

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
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env;
  /** Connection string actually used (server or embedded). */
  databaseUrl: string;
  databaseMode: 'server' | 'embedded';
  demoData: boolean;
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
