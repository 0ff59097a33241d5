import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** How the embedded database's files came to be at this start. */
export type EmbeddedOrigin = 'existing' | 'template' | 'initdb';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  origin: EmbeddedOrigin;
  /** Milliseconds to open (or create) the database files and listen. */
  startMs: number;
  /** The data directory as a gzipped tarball (PGlite's dumpDataDir), after a checkpoint. */
  dump(): Promise<Buffer>;
  stop(): Promise<void>;
}

/**
 * The pre-initialised databases the build writes (`nx run api:embedded-template`): PGlite data
 * directories with the migrations and the reference data applied — and, for `demo`, the demo data and
 * accounts as a start in demo mode loads them. See docs/performance.md § 7.
 */
export const EMBEDDED_TEMPLATE_FILES = { plain: 'pglite-template.tar.gz', demo: 'pglite-template-demo.tar.gz' } as const;

/**
 * A template beside the running bundle — `dist/apps/api-embedded-template/`, next to `dist/apps/api/`
 * — or null (TypeScript sources, or a build without that target).
 */
export function embeddedTemplateFile(kind: keyof typeof EMBEDDED_TEMPLATE_FILES, dir: string = join(__dirname, '../api-embedded-template')): string | null {
  const file = join(dir, EMBEDDED_TEMPLATE_FILES[kind]);
  return existsSync(file) ? file : null;
}

/**
 * Writes the files of a tar archive (as PGlite's dumpDataDir makes it: ustar, regular files and
 * directories only) under `dir`. Anything else — another entry type, a path leaving `dir` — throws.
 */
function untarInto(tar: Buffer, dir: string): void {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header[0] === 0) return; // the archive ends with zero blocks
    const field = (start: number, length: number) => {
      const text = header.toString('latin1', start, start + length);
      const end = text.indexOf('\0');
      return end < 0 ? text : text.slice(0, end);
    };
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const target = join(dir, name);
    if (!Number.isFinite(size) || (target !== dir && !target.startsWith(dir + sep))) throw new Error(`Entrée d'archive invalide : ${name}`);
    offset += 512;
    if (type === '5') {
      mkdirSync(target, { recursive: true });
    } else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(offset, offset + size));
    } else {
      throw new Error(`Entrée d'archive de type ${type} inattendue : ${name}`);
    }
    offset += Math.ceil(size / 512) * 512;
  }
}

/**
 * Starts PostgreSQL (PGlite, compiled to WebAssembly) inside this process and exposes it on a
 * loopback TCP socket so the ordinary `pg` driver (and TypeORM) talk to it as to a server.
 * Data persists in `dataDir`. See shared/TOOLCHAIN.md for why this and not pg-mem/typeorm-pglite.
 *
 * An EMPTY `dataDir` is filled from `options.template` (a gzipped tarball of a data directory, see
 * embeddedTemplateFile) instead of running initdb, which takes 4-8 s of WebAssembly on a small
 * machine; the start-up then migrates and loads its data as usual — nothing left to do when the
 * template is current. A template PGlite cannot read is ignored: initdb, as without one.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port = 0,
  maxConnections = 10,
  options: { template?: string | null } = {},
): Promise<EmbeddedPostgres> {
  const started = performance.now();
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const template = options.template ?? null;
  let origin: EmbeddedOrigin = existsSync(join(dir, 'PG_VERSION')) ? 'existing' : 'initdb';
  let db: PGlite | null = null;
  if (template && readdirSync(dir).length === 0) {
    // Written with Node's own file calls beside the directory, moved into place once complete (a
    // start killed meanwhile leaves no half database), then opened as an existing database: faster
    // than PGlite's loadDataDir, which writes each file through its WebAssembly file system.
    const staging = `${dir}.template-${process.pid}`;
    try {
      rmSync(staging, { recursive: true, force: true });
      untarInto(gunzipSync(readFileSync(template)), staging);
      rmdirSync(dir);
      renameSync(staging, dir);
      db = await PGlite.create(dir);
      origin = 'template';
    } catch {
      // Unreadable (e.g. written by another PGlite version): start from an empty directory again.
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
    }
  }
  db ??= await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  await server.start();
  // getServerConn() reports "host:port" with the port the OS actually assigned.
  const hostPort = server.getServerConn();
  const pglite = db;
  return {
    url: `postgres://postgres@${hostPort}/postgres`,
    dataDir: dir,
    origin,
    startMs: Math.round(performance.now() - started),
    async dump() {
      await pglite.query('CHECKPOINT');
      const tarball = await pglite.dumpDataDir('gzip');
      return Buffer.from(await tarball.arrayBuffer());
    },
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
