import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const workspaceRoot = resolve(import.meta.dirname, '../../../..');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  mode: 'embedded' | 'server';
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built product exactly as `npm start` does (node dist/apps/api/main.js), on a free port,
 * with a fresh embedded database — or the server in TEST_DATABASE_URL when set.
 */
export async function startBuiltApp(options: { dataDir?: string } = {}): Promise<RunningServer> {
  const main = join(workspaceRoot, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error(`Application non construite : ${main} introuvable (lancer nx build api).`);
  const port = await freePort();
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sdat-e2e-'));
  const server = process.env['TEST_DATABASE_URL'];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DASHBOARD_DIR: join(workspaceRoot, 'dist/apps/dashboard'),
    EMBEDDED_DB_DIR: join(dataDir, 'pglite'),
    ...(server ? { DATABASE_URL: server, DEMO_DATA: 'true' } : {}),
  };
  const child: ChildProcess = spawn(process.execPath, [main], { cwd: workspaceRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`L'application s'est arrêtée (code ${child.exitCode}) :\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`L'application n'a pas répondu en 90 s :\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    mode: server ? 'server' : 'embedded',
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
