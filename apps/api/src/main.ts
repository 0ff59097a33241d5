import 'reflect-metadata';
import { createApp, resolveDatabase } from './app/bootstrap';
import { ConfigError, parseEnv } from './config/env';
import { bundleEngine } from './config/results-engine';
import { runCommand } from './cli/commands';
import { prestartReportWorker } from './reports/report-renderer';
import { ReportsService } from './reports/reports.service';

async function main() {
  const command = process.argv[2];
  if (command && command !== 'serve') {
    await runCommand(command, process.argv.slice(3));
    return;
  }
  const env = parseEnv();
  // The PDF worker loads and warms up on the other core while this one starts the database.
  prestartReportWorker();
  const { config, embedded } = await resolveDatabase(env);
  config.resultsEngine = bundleEngine();
  const app = await createApp(config);
  await app.listen(env.PORT, env.HOST);

  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const url = `http://${shownHost}:${env.PORT}`;
  const db = config.databaseMode === 'embedded' ? `PostgreSQL embarqué (${embedded?.dataDir})` : 'serveur PostgreSQL (DATABASE_URL)';
  process.stdout.write(
    `\nSDAT indicateurs prêt : ${url}\n  tableau de bord : ${url}/\n  API : ${url}/api  —  documentation : ${url}/api/docs\n  base de données : ${db}\n\n`,
  );

  // The first report of the process should not be the one that loads and compiles the PDF code.
  void app.get(ReportsService).warmUp();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} reçu, arrêt…\n`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Échec du démarrage : ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
});
