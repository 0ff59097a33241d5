import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL (PGlite, compiled to WebAssembly) inside this process and exposes it on a
 * loopback TCP socket so the ordinary `pg` driver (and TypeORM) talk to it as to a server.
 * Data persists in `dataDir`. See shared/TOOLCHAIN.md for why this and not pg-mem/typeorm-pglite.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port = 0,
  maxConnections = 10,
): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  await server.start();
  // getServerConn() reports "host:port" with the port the OS actually assigned.
  const hostPort = server.getServerConn();
  return {
    url: `postgres://postgres@${hostPort}/postgres`,
    dataDir: dir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
