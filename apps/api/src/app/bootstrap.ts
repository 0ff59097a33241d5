import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import serveStatic from 'serve-static';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { FrenchHttpErrorFilter, frenchValidationPipe } from '../common/http-errors';
import { seedDemoAccounts } from '../auth/demo-accounts';
import { pseudonymSecret, type AppConfig, type Env } from '../config/env';
import { embeddedTemplateFile, startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded-postgres';
import { loadDemoData } from '../demo/demo-loader';
import { loadReferenceData } from '../reference/reference-loader';
import { AppModule } from './app.module';

export const API_PREFIX = 'api';

/** Picks the database: the server named by DATABASE_URL, else an embedded PostgreSQL under EMBEDDED_DB_DIR. */
export async function resolveDatabase(env: Env): Promise<{ config: AppConfig; embedded: EmbeddedPostgres | null }> {
  if (env.DATABASE_URL) {
    return {
      config: { env, databaseUrl: env.DATABASE_URL, databaseMode: 'server', demoData: env.DEMO_DATA === 'true' },
      embedded: null,
    };
  }
  // The embedded server multiplexes connections over one PGlite session: allow the pool plus the migrator.
  const demoData = env.DEMO_DATA !== 'false';
  const embedded = await startEmbeddedPostgres(env.EMBEDDED_DB_DIR, env.EMBEDDED_DB_PORT, env.DB_POOL_SIZE + 2, {
    template: embeddedTemplateFile(demoData ? 'demo' : 'plain'),
  });
  return {
    config: {
      env,
      databaseUrl: embedded.url,
      databaseMode: 'embedded',
      demoData,
      embeddedStart: { origin: embedded.origin, ms: embedded.startMs },
    },
    embedded,
  };
}

/** Where the built dashboard is: DASHBOARD_DIR, else next to the API bundle (dist/apps/dashboard). */
function dashboardDir(config: AppConfig): string | null {
  const candidates = config.env.DASHBOARD_DIR
    ? [resolve(config.env.DASHBOARD_DIR)]
    : [resolve(__dirname, '../dashboard'), resolve(process.cwd(), 'dist/apps/dashboard')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Builds the whole application (not listening yet): migrations run, middleware, validation,
 * OpenAPI at /api/docs and, when built, the dashboard on the same port.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  pseudonymSecret(config); // fails fast when a production server has no PSEUDONYM_SECRET
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // Every API answer is no-store (below): no client revalidates, so no ETag (Express would hash every body).
  app.set('etag', false);

  const dataSource = app.get(DataSource);
  const logger = app.get(Logger);
  if (config.embeddedStart) {
    const how = { existing: 'ouverte', template: 'créée depuis le modèle construit', initdb: 'créée (initdb)' }[config.embeddedStart.origin];
    logger.log(`Base embarquée : ${how} en ${config.embeddedStart.ms} ms`, 'Démarrage');
  }
  let t = Date.now();
  const migrations = await dataSource.runMigrations({ transaction: 'each' });
  logger.log(`Migrations : ${migrations.length} appliquée(s) en ${Date.now() - t} ms`, 'Démarrage');
  t = Date.now();
  const reference = await loadReferenceData(dataSource);
  logger.log(`Données de référence : ${reference.loaded ? 'chargées' : 'à jour'} en ${Date.now() - t} ms`, 'Démarrage');
  if (config.demoData) {
    t = Date.now();
    const demo = await loadDemoData(dataSource);
    logger.log(`Données de démonstration : ${demo.loaded ? `${demo.episodes} accompagnements chargés` : 'déjà présentes'} en ${Date.now() - t} ms`, 'Démarrage');
    const accounts = await seedDemoAccounts(dataSource);
    if (accounts > 0) logger.log(`Comptes de démonstration : ${accounts} créé(s)`, 'Démarrage');
  }

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.useBodyParser('json', { limit: config.env.BODY_LIMIT });
  app.use(cookieParser());
  // Closed by default: a browser on another origin cannot call the API unless CORS_ORIGINS names it.
  const origins = (config.env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, credentials: true });
  // API answers carry personal or unpublished data: never stored by a browser or a proxy.
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(frenchValidationPipe());
  app.useGlobalFilters(new FrenchHttpErrorFilter());

  const openApi = new DocumentBuilder()
    .setTitle('SDAT — indicateurs et bilans des conventions')
    .setDescription("API de la plateforme d'indicateurs et de rapports des conventions d'action sociale.")
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json`,
  });

  const dir = dashboardDir(config);
  if (dir) {
    // API paths never look for a file (a stat per API request otherwise: docs/performance.md § 1)
    const files = serveStatic(dir, { index: false, maxAge: '1h', immutable: false });
    app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith(`/${API_PREFIX}/`) ? next() : files(req, res, next)));
    const indexHtml = join(dir, 'index.html');
    // Single-page app: every non-API GET that is not a file answers with index.html.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  }
  return app;
}
