import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app/bootstrap';
import { parseEnv, type AppConfig } from '../../src/config/env';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real application, wired to the test database chosen in global-setup. `configOverrides`: what
 * main.ts would set (the code version of stored results, shared by two apps that play two processes
 * of one build).
 */
export async function startTestApp(overrides: Record<string, string> = {}, configOverrides: Pick<AppConfig, 'resultsEngine'> = {}): Promise<TestApp> {
  const url = process.env['TEST_DB_URL'];
  const mode = process.env['TEST_DB_MODE'] as 'server' | 'embedded';
  if (!url) throw new Error('TEST_DB_URL absent : global-setup ne s’est pas exécuté.');
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DB_POOL_SIZE: '4', ...overrides });
  const config: AppConfig = { env, databaseUrl: url, databaseMode: mode, demoData: overrides['DEMO_DATA'] === 'true', ...configOverrides };
  const app = await createApp(config);
  await app.init();
  return { app, config, close: () => app.close() };
}
