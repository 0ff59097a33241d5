import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createApp, resolveDatabase } from '../app/bootstrap';
import { hashPassword } from '../auth/auth.service';
import { ConfigError, parseEnv } from '../config/env';
import { EMBEDDED_TEMPLATE_FILES, startEmbeddedPostgres } from '../database/embedded-postgres';
import { ROLES } from '../database/entities/auth.entity';
import { purgeEpisodes } from '../retention/retention';
import { bundleEngine } from '../config/results-engine';
import { IndicatorsService } from '../indicators/indicators.service';

const USAGE = `Commandes :
  node dist/apps/api/main.js                      démarre l'application
  node dist/apps/api/main.js create-user --email <e> --name <nom> --role <rôle> --organisation <code>
        crée un compte local ; mot de passe lu dans SDAT_NEW_USER_PASSWORD (12 caractères au moins)
        rôles : ${ROLES.join(', ')}
  node dist/apps/api/main.js purge-episodes [--dry-run]
        purge les accompagnements sortis depuis plus de RETENTION_MONTHS mois (24 par défaut),
        après avoir figé les agrégats annuels dont les indicateurs ont besoin
  node dist/apps/api/main.js embedded-template [répertoire]
        écrit les modèles de base embarquée (migrations et données de référence appliquées, avec
        ou sans les données de démonstration) dans le répertoire (par défaut
        dist/apps/api-embedded-template) : nx run api:embedded-template
  node dist/apps/api/main.js compute-results [--years 2022,2023]
        calcule et stocke les indicateurs de chaque dispositif-année qui a des données et n'est pas
        à jour pour cette version de l'application (après un chargement en masse ou une mise à jour :
        la première comparaison ne les calcule plus)`;

/** One-shot commands on the configured database (migrations run first, as at start-up). */
export async function runCommand(command: string, args: string[]): Promise<void> {
  if (command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'embedded-template') {
    await writeEmbeddedTemplate(resolve(args[0] ?? 'dist/apps/api-embedded-template'));
    return;
  }
  if (command !== 'create-user' && command !== 'purge-episodes' && command !== 'compute-results') throw new ConfigError(`Commande inconnue : ${command}\n${USAGE}`);
  const env = parseEnv({ ...process.env, DEMO_DATA: process.env['DEMO_DATA'] ?? 'false', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  const { config, embedded } = await resolveDatabase(env);
  config.resultsEngine = bundleEngine();
  const app = await createApp(config);
  try {
    const ds = app.get(DataSource);
    if (command === 'compute-results') {
      const { values } = parseArgs({ args, options: { years: { type: 'string' } } });
      const years = values.years ? values.years.split(',').map((y) => Number(y.trim())) : null;
      if (years?.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) throw new ConfigError(`--years : des années séparées par des virgules (reçu « ${values.years} »)`);
      const started = Date.now();
      let shown = 0;
      const summary = await app.get(IndicatorsService).storeResults(years, (done, total) => {
        if (done === total || Date.now() - shown > 5000) {
          shown = Date.now();
          process.stdout.write(`  ${done} / ${total} dispositifs-années\n`);
        }
      });
      process.stdout.write(
        `Résultats : ${summary.computed} dispositif(s)-année(s) calculé(s) et stocké(s), ${summary.alreadyStored} déjà à jour, en ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      return;
    }
    if (command === 'purge-episodes') {
      const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } } });
      const report = await purgeEpisodes(ds, { months: env.RETENTION_MONTHS, dryRun: values['dry-run'] });
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' } },
    });
    const password = process.env['SDAT_NEW_USER_PASSWORD'] ?? '';
    const missing = ['email', 'name', 'role', 'organisation'].filter((k) => !values[k as keyof typeof values]);
    if (missing.length) throw new ConfigError(`Paramètres manquants : ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}`);
    if (!(ROLES as readonly string[]).includes(values.role as string)) throw new ConfigError(`Rôle inconnu : ${values.role} (attendus : ${ROLES.join(', ')})`);
    if (password.length < 12) throw new ConfigError('SDAT_NEW_USER_PASSWORD doit contenir le mot de passe (12 caractères au moins).');
    const rows = await ds.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, organisation_id)
       SELECT $1, $2, $3, $4, id FROM organisation WHERE code = $5 ON CONFLICT (email) DO NOTHING RETURNING id`,
      [(values.email as string).trim().toLowerCase(), values.name, values.role, await hashPassword(password), values.organisation],
    );
    if (!rows.length) throw new ConfigError(`Compte non créé : l'email existe déjà ou l'organisation « ${values.organisation} » est inconnue.`);
    await ds.query(`INSERT INTO audit_log (action, object_type, object_id, details) VALUES ('user_created', 'user', $1, $2)`, [
      String(rows[0].id),
      JSON.stringify({ via: 'command line', email: values.email, role: values.role, organisation: values.organisation }),
    ]);
    process.stdout.write(`Compte créé : ${values.email} (${values.role}, ${values.organisation})\n`);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

/**
 * The build's pre-initialised embedded databases (EMBEDDED_TEMPLATE_FILES): a fresh PGlite (initdb),
 * the migrations and the reference data applied by the app itself → `plain`; then the demo data and
 * accounts loaded by the app as a start in demo mode does → `demo`. Each is dumped as a gzipped
 * tarball that startEmbeddedPostgres loads into an empty EMBEDDED_DB_DIR instead of running initdb.
 */
async function writeEmbeddedTemplate(outDir: string): Promise<void> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'sdat-embedded-template-'));
  try {
    const embedded = await startEmbeddedPostgres(join(work, 'pglite'), 0, 8);
    try {
      mkdirSync(outDir, { recursive: true });
      for (const kind of ['plain', 'demo'] as const) {
        const demoData = kind === 'demo';
        const env = parseEnv({ NODE_ENV: 'production', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn', DEMO_DATA: String(demoData) });
        const app = await createApp({ env, databaseUrl: embedded.url, databaseMode: 'embedded', demoData });
        await app.close();
        const tarball = await embedded.dump();
        const file = join(outDir, EMBEDDED_TEMPLATE_FILES[kind]);
        writeFileSync(`${file}.tmp`, tarball);
        renameSync(`${file}.tmp`, file);
        process.stdout.write(`Modèle de base embarquée (${kind}) : ${file} (${Math.round(tarball.length / 1024)} Kio, ${Math.round(performance.now() - started)} ms)\n`);
      }
    } finally {
      await embedded.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
