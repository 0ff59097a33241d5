// A throw-away PostgreSQL server for the fault drills: initdb + pg_ctl in a temp directory, on a free
// port, run as the `postgres` user when this process is root (PostgreSQL refuses to run as root).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sleep } from './common.mjs';

/** PG_BIN, else the newest /usr/lib/postgresql/<version>/bin with an initdb (Debian's layout). */
function findBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error(`PostgreSQL introuvable : aucun ${root}/<version>/bin/initdb (installer le paquet Debian « postgresql » ou définir PG_BIN).`);
  return join(root, newest, 'bin');
}
const BIN = findBin();
const asRoot = process.getuid?.() === 0;

function run(cmd, args, { allowFail = false } = {}) {
  const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args]] : [join(BIN, cmd), args];
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', cwd: tmpdir() });
  if (r.status !== 0 && !allowFail) throw new Error(`${cmd} ${args.join(' ')} : ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Same, without blocking this process's event loop (load generators keep running meanwhile). */
async function runAsync(cmd, args) {
  const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args]] : [join(BIN, cmd), args];
  return promisify(execFile)(full[0], full[1], { cwd: tmpdir() });
}

export async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'sdat-drill-pg-'));
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const cluster = {
    dir,
    data,
    port,
    logFile: join(dir, 'postgres.log'),
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    async start() {
      await runAsync('pg_ctl', ['-D', data, '-l', cluster.logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, 'start']);
    },
    /** `pg_ctl restart -m fast`: sessions are terminated (57P01), the server comes back at once. */
    async restart() {
      await runAsync('pg_ctl', ['-D', data, '-l', cluster.logFile, '-w', '-t', '60', '-m', 'fast', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'restart']);
    },
    stop(modeName = 'fast') {
      run('pg_ctl', ['-D', data, '-w', '-m', modeName, 'stop'], { allowFail: true });
    },
    /** PID of the postmaster (first line of postmaster.pid). */
    postmasterPid() {
      const f = join(data, 'postmaster.pid');
      return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : null;
    },
    /** kill -9 of the postmaster only (its backends notice and exit; the next start runs crash recovery). */
    async kill9() {
      const pid = cluster.postmasterPid();
      if (!pid) throw new Error('postmaster introuvable');
      process.kill(pid, 'SIGKILL');
      // wait until every backend of the old postmaster has gone (they exit when the postmaster dies)
      for (let i = 0; i < 100; i++) {
        const r = spawnSync('pgrep', ['-P', String(pid)]);
        if (r.status !== 0) break;
        await sleep(100);
      }
      return pid;
    },
    destroy() {
      cluster.stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
