// Shared helpers of the benchmark and the fault drills (plain Node ESM, no build step).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = join(ROOT, 'bench/results');
export const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
export const DASHBOARD_DIST = join(ROOT, 'dist/apps/dashboard');
export const BENCH_PASSWORD = 'banc-d-essai-mot-de-passe';
/** The API refuses a server database without a pseudonymisation secret; a fixed one for the bench. */
export const BENCH_PSEUDONYM_SECRET = 'banc-d-essai-secret-de-pseudonymisation-0001';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const log = (...parts) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${parts.join(' ')}\n`);

/** Loads a TypeScript module of the repo (libs, test support) with the tsconfig path aliases, through jiti. */
let jitiInstance = null;
export async function importTs(relativePath) {
  if (!jitiInstance) {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8'));
    const alias = Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([k, v]) => [k, join(ROOT, v[0])]));
    jitiInstance = createJiti(import.meta.url, { alias, interopDefault: true });
  }
  return jitiInstance.import(join(ROOT, relativePath));
}

// ---------------------------------------------------------------- numbers

/** Deterministic PRNG (mulberry32): the same seed gives the same dataset on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Exponential with the given mean. */
    exp: (mean) => -Math.log(1 - next()) * mean,
    chance: (p) => next() < p,
  };
}

export function quantile(sorted, q) {
  if (!sorted.length) return null;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** Median, min, max, p95 of a list of milliseconds, rounded to 0.01 ms. */
export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const r = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    n: s.length,
    median: r(quantile(s, 0.5)),
    p95: r(quantile(s, 0.95)),
    p99: r(quantile(s, 0.99)),
    min: r(s[0] ?? null),
    max: r(s[s.length - 1] ?? null),
    mean: r(s.length ? s.reduce((a, b) => a + b, 0) / s.length : null),
  };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the durations (ms) and the last result. */
export async function timed(fn, { warmup = 1, runs = 5 } = {}) {
  let last;
  for (let i = 0; i < warmup; i++) last = await fn();
  const durations = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    durations.push(performance.now() - t);
  }
  return { durations, stats: stats(durations), last };
}

// ---------------------------------------------------------------- machine and repository

export function machineInfo() {
  const cpus = os.cpus();
  let commit = null;
  let dirty = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT }).toString().trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs'], { cwd: ROOT }).toString().trim().length > 0;
  } catch {
    /* not a git checkout */
  }
  return {
    date: new Date().toISOString(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    gitCommit: commit,
    uncommittedChangesInAppsOrLibs: dirty,
  };
}

export function writeResults(prefix, result, markdown, dir = RESULTS_DIR) {
  mkdirSync(dir, { recursive: true });
  const stamp = result.machine.date.replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
  const base = join(dir, `${prefix}-${stamp}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  return { json: `${base}.json`, md: `${base}.md` };
}

// ---------------------------------------------------------------- processes

export async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/**
 * Starts the BUILT API (node dist/apps/api/main.js) in its own process and resolves once it printed
 * « SDAT indicateurs prêt ». `readyMs` is measured from spawn.
 */
export async function startApi(env, { timeoutMs = 180_000, keepOutput = 200_000 } = {}) {
  if (!existsSync(API_MAIN)) throw new Error(`API non construite : ${API_MAIN} (npx nx build api)`);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const fullEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...env,
    PORT: String(port),
  };
  const started = performance.now();
  const child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const append = (d) => {
    output += String(d);
    if (output.length > keepOutput) output = output.slice(-keepOutput);
  };
  // stdout lines until ready, each with the milliseconds since the spawn it arrived at
  const startupLines = [];
  let partial = '';
  const timeLines = (d) => {
    partial += String(d);
    let i;
    while ((i = partial.indexOf('\n')) >= 0) {
      startupLines.push({ ms: performance.now() - started, line: partial.slice(0, i) });
      partial = partial.slice(i + 1);
    }
  };
  child.stdout.on('data', timeLines);
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const readyMs = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`API pas prête en ${timeoutMs / 1000} s :\n${output.slice(-4000)}`)), timeoutMs);
    const onData = () => {
      if (output.includes('SDAT indicateurs prêt')) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        ok(performance.now() - started);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`L'API s'est arrêtée (code ${code}) :\n${output.slice(-4000)}`));
    });
  });
  child.removeAllListeners('exit');
  child.stdout.off('data', timeLines);
  const url = `http://127.0.0.1:${port}`;
  const state = { exit: null };
  child.once('exit', (code, signal) => (state.exit = { code, signal, at: new Date().toISOString(), outputTail: output.slice(-6000) }));
  return {
    /** null while running; { code, signal, at, outputTail } once the process has ended. */
    exited: () => state.exit,
    url,
    port,
    pid: child.pid,
    child,
    readyMs,
    output: () => output,
    /** The API's JSON log lines (pino) that contain `marker`, parsed; a line cut by the output's limit is skipped. */
    logRecords: (marker) =>
      output
        .split('\n')
        .filter((line) => line.includes(marker))
        .flatMap((line) => {
          try {
            return [JSON.parse(line)];
          } catch {
            return [];
          }
        }),
    startupLines: () => startupLines,
    rssKiB: () => rssKiB(child.pid),
    cpuMs: () => cpuMs(child.pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** API processes this process started: ended with it, even when it dies on an error. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export function rssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)/.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, every thread) a process has used so far, in ms, from /proc (Linux;
 * null elsewhere). Less sensitive than wall time to other processes sharing the machine.
 */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, in parentheses): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

// ---------------------------------------------------------------- HTTP

/** A signed-in client of the API: session cookie + CSRF token, like the dashboard. */
export async function signIn(baseUrl, email, password = BENCH_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`Connexion de ${email} refusée : ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sdat_session='))?.split(';')[0];
  if (!cookie) throw new Error(`Connexion de ${email} : pas de cookie de session`);
  const me = await fetch(`${baseUrl}/api/auth/me`, { headers: { Cookie: cookie } });
  const { csrfToken } = await me.json();
  const headers = (extra = {}) => ({ Cookie: cookie, 'X-CSRF-Token': csrfToken, Accept: 'application/json', ...extra });
  return {
    email,
    cookie,
    csrfToken,
    headers,
    async get(path, init = {}) {
      return fetch(`${baseUrl}${path}`, { ...init, headers: headers(init.headers) });
    },
    /** The body as text: what the client has received, before it parses it (the floor's psql times its rows received, not printed). */
    async text(path) {
      const r = await fetch(`${baseUrl}${path}`, { headers: headers() });
      if (!r.ok) throw new Error(`GET ${path} : ${r.status} ${(await r.text()).slice(0, 500)}`);
      return r.text();
    },
    async json(path) {
      const r = await fetch(`${baseUrl}${path}`, { headers: headers() });
      if (!r.ok) throw new Error(`GET ${path} : ${r.status} ${(await r.text()).slice(0, 500)}`);
      return r.json();
    },
    async patch(path, body, init = {}) {
      return fetch(`${baseUrl}${path}`, { method: 'PATCH', body: JSON.stringify(body), ...init, headers: headers({ 'Content-Type': 'application/json' }) });
    },
    async send(method, path, body, init = {}) {
      return fetch(`${baseUrl}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), ...init, headers: headers({ 'Content-Type': 'application/json' }) });
    },
    async upload(path, fileName, bytes, init = {}) {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: fileName.endsWith('.csv') ? 'text/csv' : 'application/octet-stream' }), fileName);
      return fetch(`${baseUrl}${path}`, { method: 'POST', body: form, ...init, headers: headers() });
    },
  };
}

// ---------------------------------------------------------------- Markdown

export function mdTable(headers, rows) {
  const esc = (v) => String(v ?? '—').replace(/\|/g, '\\|');
  return [`| ${headers.map(esc).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export const fmtMs = (v) => (v === null || v === undefined ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
