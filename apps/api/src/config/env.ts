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
