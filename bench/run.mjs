#!/usr/bin/env node
// npm run bench — national-scale benchmark of the API against raw PostgreSQL. See docs/performance.md.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench    # a fresh sdat_bench_<ts> on that server
//   npm run bench                                                            # no DATABASE_URL: embedded PGlite
//   BENCH_SCALE=1 (national: 1,000 programmes × 100 départements, 5 years, 2,000,000 episodes)
//   flags: --scale=0.1 --only=indicators,comparison,throughput,pdf,import,dashboard,ready --skip-build --keep-db --reuse-db=<kept database>
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DASHBOARD_DIST, fmtMs, freePort, importTs, log, machineInfo, mdTable, ROOT, signIn, sleep, startApi, stats, timed, writeResults } from './lib/common.mjs';
import { initialJsSize, timeToFigures } from './lib/dashboard.mjs';
import { COMPARISON_FLOOR_SQL, FLOOR_SQL, psqlTimed } from './lib/floor.mjs';
import { prepareDatabase, rememberKeptDatabase } from './lib/prepare.mjs';

const flags = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true']));
const env = process.env;
const mode = flags.db ?? env.BENCH_DB ?? (env.DATABASE_URL ? 'server' : 'embedded');
const DEFAULT_SCALE = mode === 'server' ? 0.25 : 0.02;
const config = {
  mode,
  scale: Number(flags.scale ?? env.BENCH_SCALE ?? DEFAULT_SCALE),
  seed: Number(env.BENCH_SEED ?? 20_240_101),
  year: 2023,
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
  loadSeconds: Number(env.BENCH_LOAD_SECONDS ?? 30),
  pdfs: Number(env.BENCH_PDFS ?? 100),
  importRows: Number(env.BENCH_IMPORT_ROWS ?? 100_000),
  readyRuns: Number(env.BENCH_READY_RUNS ?? 3),
  apiLogLevel: env.BENCH_API_LOG_LEVEL ?? 'warn',
  // What dist/apps/api was built from, when it is not the checked-out commit (comparing two builds with --skip-build).
  apiBuild: env.BENCH_API_BUILD ?? null,
};
const only = flags.only ? new Set(flags.only.split(',')) : null;
const wanted = (name) => !only || only.has(name);
const serverUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const TARGETS = {
  indicatorsRatio: 1.5,
  comparisonMs: 300,
  throughputRps: 1500,
  throughputP95Ms: 50,
  pdfMs: 500,
  importMs: 10_000,
  initialJsGzipKB: 250,
  readyMs: 10_000,
};

const result = { kind: 'benchmark', machine: machineInfo(), config, targets: TARGETS, database: null, dataset: null, measures: {}, errors: {} };

async function measure(name, fn) {
  if (!wanted(name)) return;
  log(`— ${name}`);
  try {
    // Load average before/after: the machine may be shared (other builds or tests running) — say so.
    const loadBefore = os.loadavg()[0];
    result.measures[name] = await fn();
    result.measures[name].loadAverage1min = { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0] * 100) / 100 };
  } catch (error) {
    log(`  ÉCHEC ${name} : ${error.stack ?? error}`);
    result.errors[name] = String(error.stack ?? error).slice(0, 4000);
  }
}

// ---------------------------------------------------------------- build
let dashboardBuildLog = null;
if (!flags['skip-build'] && !env.BENCH_SKIP_BUILD) {
  log('Construction : nx build api, nx run api:embedded-template, nx build dashboard…');
  const nxEnv = { ...env, NX_DAEMON: 'false', NX_TUI: 'false' };
  // build api, then the pre-initialised embedded database that `npm start` builds too (measure 7)
  execFileSync('npx', ['nx', 'run', 'api:embedded-template'], { cwd: ROOT, env: nxEnv, stdio: 'inherit' });
  const dash = spawnSync('npx', ['nx', 'build', 'dashboard', '--skip-nx-cache'], { cwd: ROOT, env: nxEnv, encoding: 'utf8', maxBuffer: 64 << 20 });
  dashboardBuildLog = `${dash.stdout}\n${dash.stderr}`;
  if (dash.status !== 0) {
    result.errors.dashboardBuild = dashboardBuildLog.slice(-4000);
    log('  la construction du tableau de bord a échoué : mesures du tableau de bord sur la dernière construction présente');
  }
}

// ---------------------------------------------------------------- data
const reuse = flags['reuse-db'] ?? env.BENCH_REUSE_DB ?? null;
const prepared = await prepareDatabase({ mode, serverUrl, scale: config.scale, seed: config.seed, reuse });
result.database = prepared.database;
const ds = prepared.dataset;
result.dataset = { size: ds.size, seed: ds.seed, generationMs: ds.generationMs, counts: ds.counts, referenceProgramme: ds.reference, agreement: ds.agreementCode };
log(`Jeu de données : ${JSON.stringify(ds.counts)}`);

// ---------------------------------------------------------------- the API in its own process
const embeddedPort = mode === 'embedded' ? await freePort() : null;
const apiEnv = {
  ...prepared.apiEnv,
  LOG_LEVEL: config.apiLogLevel,
  // The bench downloads more PDFs and signs in more often than a person: per-client limits lifted.
  EXPORT_RATE_PER_MINUTE: '1000000',
  LOGIN_RATE_PER_MINUTE: '1000000',
  DASHBOARD_DIR: DASHBOARD_DIST,
  ...(embeddedPort ? { EMBEDDED_DB_PORT: String(embeddedPort) } : {}),
};
const api = await startApi(apiEnv);
log(`API prête en ${fmtMs(api.readyMs)} (${api.url}, pid ${api.pid})`);
// Once listening, the API warms its report worker up (a full report rendered in the background, ≈ 1-2 s
// of CPU): the measures start after it, so that they do not measure the warm-up.
const settleMs = Number(env.BENCH_SETTLE_MS ?? 5000);
await sleep(settleMs);
result.settleMsAfterReady = settleMs;
const dbUrl = mode === 'server' ? prepared.database.url : `postgres://postgres@127.0.0.1:${embeddedPort}/postgres?sslmode=disable`;
const year = config.year;
const ref = ds.reference.code;
const operator = await signIn(api.url, ds.users.operator);
const committee = await signIn(api.url, ds.users.committee);
result.apiRssStartKiB = api.rssKiB();

/**
 * `fn(client signed in as email)` against a second API process of the same build on the same database
 * (a restart, another instance: nothing in its memory), stopped afterwards. Server only: the embedded
 * database lives in the first API's process (null then).
 */
async function inNewApiProcess(email, fn) {
  if (mode !== 'server') return null;
  const second = await startApi({ ...apiEnv, PORT: undefined });
  try {
    await sleep(settleMs);
    return await fn(await signIn(second.url, email));
  } finally {
    await second.stop();
  }
}

// 1. indicator endpoint vs the hand-written SQL floor (psql)
await measure('indicators', async () => {
  const path = `/api/programmes/${ref}/indicators?year=${year}&basis=actual`;
  // Cold: the first request of a programme-year (nothing cached: computed from the database). The
  // operator sees three programmes; the other years of the reference programme are cold too.
  const coldPaths = [...ds.operatorProgrammes.filter((c) => c !== ref).map((c) => `/api/programmes/${c}/indicators?year=${year}&basis=actual`),
    ...[year - 1, year - 2, year - 3].map((y) => `/api/programmes/${ref}/indicators?year=${y}&basis=actual`)];
  const coldTimes = [];
  for (const coldPath of coldPaths) {
    const t = performance.now();
    await operator.json(coldPath);
    coldTimes.push(performance.now() - t);
  }
  // Warm: the same programme-year again (served from the cache while its data version is unchanged).
  // Timed until the body is received (parsed after), as psql's \timing times the rows received.
  // Medians of 200 and 100: a 2 ms request on a 2-core machine shared with PostgreSQL varies by ±0.3 ms.
  const apiRun = await timed(() => operator.text(path), { warmup: 20, runs: 200 });
  const floor = psqlTimed(dbUrl, FLOOR_SQL, { code: ref, y: year, s: `${year}-01-01`, e: `${year}-12-31` }, { warmup: 10, runs: 100 });
  const floorStats = stats(floor.times);
  apiRun.last = JSON.parse(apiRun.last);
  // The first requests of a new process of the same build: read from the results stored in PostgreSQL, not recomputed.
  const newProcess = await inNewApiProcess(ds.users.operator, async (other) => {
    const times = [];
    for (const coldPath of [path, ...coldPaths]) {
      const t = performance.now();
      await other.text(coldPath);
      times.push(performance.now() - t);
    }
    return stats(times);
  });
  const byCode = Object.fromEntries(apiRun.last.indicators.map((i) => [i.code, i.value]));
  const compared = Object.entries(floor.row)
    .filter(([k]) => k in byCode)
    .map(([k, v]) => ({ figure: k, api: byCode[k], sql: v === null ? null : Number(v), equal: v !== null && byCode[k] !== null && Math.abs(Number(v) - byCode[k]) <= 1e-6 * Math.max(1, Math.abs(byCode[k])) }));
  return {
    endpoint: `GET ${path}`,
    episodesOfProgramme: ds.reference.episodes,
    indicatorsReturned: apiRun.last.indicators.length,
    api: apiRun.stats,
    apiCold: { ...stats(coldTimes), paths: coldPaths },
    rawSql: floorStats,
    ratio: Math.round((apiRun.stats.median / floorStats.median) * 100) / 100,
    coldRatio: Math.round((stats(coldTimes).median / floorStats.median) * 100) / 100,
    apiNewProcess: newProcess,
    newProcessRatio: newProcess ? Math.round((newProcess.median / floorStats.median) * 100) / 100 : null,
    figuresCompared: compared,
    allFiguresEqual: compared.every((c) => c.equal),
  };
});

// 2. comparison of every programme of the agreement in one year
await measure('comparison', async () => {
  const path = `/api/comparisons?agreement=${ds.agreementCode}&years=${year}&basis=actual`;
  const runs = ds.size.programmes >= 500 ? 3 : 5;
  // The first comparison after the bulk load computes every programme-year and stores it (programme_year_result).
  const firstEverStart = performance.now();
  await committee.json(path);
  const firstEverMs = performance.now() - firstEverStart;
  // Warm: the same again (the answer is in memory while no programme changed).
  const run = await timed(() => committee.json(path), { warmup: 0, runs });
  // A new process of the same build: nothing in memory, every figure stored.
  const newProcessMs = await inNewApiProcess(ds.users.committee, async (other) => {
    const t = performance.now();
    await other.json(path);
    return performance.now() - t;
  });
  // One programme changed (a write raises its data version, as an import or a correction does): it
  // alone is recomputed, the 999 others come from memory.
  const admin = new pg.Client({ connectionString: dbUrl });
  await admin.connect();
  await admin.query(`UPDATE budget_line SET amount_cents = amount_cents WHERE id = (SELECT l.id FROM budget_line l JOIN budget b ON b.id = l.budget_id JOIN programme p ON p.id = b.programme_id WHERE p.code = $1 LIMIT 1)`, [ref]);
  await admin.end();
  const changedStart = performance.now();
  await committee.json(path);
  const afterOneChangeMs = performance.now() - changedStart;
  const floor = psqlTimed(dbUrl, COMPARISON_FLOOR_SQL, { agreement: ds.agreementCode, y: year, s: `${year}-01-01`, e: `${year}-12-31` }, { warmup: 2, runs: 5 });
  return {
    endpoint: `GET ${path}`,
    as: 'monitoring_committee of the signatory organisation',
    programmes: run.last.programmes.length,
    cells: run.last.cells.length,
    responseKB: Math.round(JSON.stringify(run.last).length / 1024),
    api: run.stats,
    apiColdMs: Math.round(firstEverMs),
    newProcessMs: newProcessMs === null ? null : Math.round(newProcessMs),
    afterOneChangeMs: Math.round(afterOneChangeMs),
    perProgrammeMs: Math.round((run.stats.median / run.last.programmes.length) * 100) / 100,
    setBasedSqlForAllProgrammes: { ...stats(floor.times), row: floor.row },
  };
});

// 3. read throughput of the programme view at 50 connections (autocannon in this process, the API in its own)
await measure('throughput', async () => {
  const paths = ds.operatorProgrammes.map((c) => `/api/programmes/${c}`);
  const latencies = [];
  const statuses = {};
  let i = 0;
  const rssBefore = api.rssKiB();
  const instance = autocannon({
    url: api.url,
    connections: config.connections,
    duration: config.loadSeconds,
    headers: { cookie: operator.cookie, accept: 'application/json' },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const r = await instance;
  const s = stats(latencies);
  return {
    endpoint: `GET /api/programmes/:code (operator, ${paths.length} programmes in rotation)`,
    connections: config.connections,
    seconds: config.loadSeconds,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: s.median, p95: s.p95, p99: s.p99, max: s.max, mean: s.mean },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statuses,
    apiRssKiB: { before: rssBefore, after: api.rssKiB() },
  };
});

// 4. annual report PDF: one, then 100 in a row while /api/health is polled (event-loop responsiveness)
await measure('pdf', async () => {
  const path = `/api/programmes/${ref}/reports/${year}.pdf?basis=actual`;
  const getPath = async (p) => {
    const r = await operator.get(p);
    if (r.status !== 200) throw new Error(`PDF ${r.status} ${await r.text()}`);
    return (await r.arrayBuffer()).byteLength;
  };
  const get = () => getPath(path);
  const health = async (n) => {
    const out = [];
    for (let k = 0; k < n; k++) {
      const t = performance.now();
      await (await fetch(`${api.url}/api/health`)).text();
      out.push(performance.now() - t);
      await sleep(100);
    }
    return out;
  };
  const first = performance.now();
  const bytes = await get();
  const firstMs = performance.now() - first;
  // Five reports never asked for before (other programme-years of the operator): the API renders
  // each (its cache of rendered PDFs cannot answer), in a warm worker.
  const others = [
    [ref, year - 1],
    [ref, year - 2],
    ...ds.operatorProgrammes.filter((c) => c !== ref).flatMap((c) => [[c, year], [c, year - 1]]),
  ].slice(0, 5);
  const uncached = [];
  for (const [code, y] of others) {
    const t = performance.now();
    await getPath(`/api/programmes/${code}/reports/${y}.pdf?basis=actual`);
    uncached.push(performance.now() - t);
  }
  // The same report again (what measure 4 always timed): its data are gathered again, its PDF may
  // come from the cache of rendered documents when they did not change.
  const one = await timed(get, { warmup: 1, runs: 5 });
  const idle = await health(30);
  let running = true;
  const during = [];
  const poller = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(`${api.url}/api/health`)).text();
      during.push(performance.now() - t);
      await sleep(100);
    }
  })();
  const series = [];
  const t0 = performance.now();
  for (let k = 0; k < config.pdfs; k++) {
    const t = performance.now();
    await get();
    series.push(performance.now() - t);
  }
  const totalMs = performance.now() - t0;
  running = false;
  await poller;
  return {
    endpoint: `GET ${path}`,
    pdfBytes: bytes,
    firstRequestMs: Math.round(firstMs),
    distinctReports: { reports: others.map(([c, y]) => `${c} ${y}`), stats: stats(uncached) },
    one: one.stats,
    inARow: { count: config.pdfs, totalMs: Math.round(totalMs), perPdf: stats(series) },
    healthLatencyIdle: stats(idle),
    healthLatencyDuringPdfs: stats(during),
  };
});

// 5. importing a 100,000-row episodes CSV end to end
await measure('import', async () => {
  const support = await importTs('apps/api/test/support/import-files.ts');
  const target = ds.operatorProgrammes[1] ?? ref;
  const runs = [];
  for (const prefix of ['BANC-A', 'BANC-B', 'BANC-C']) {
    const csv = support.csvFile('episodes', support.episodes(year, config.importRows, prefix));
    const cpu = api.cpuMs();
    const t = performance.now();
    const r = await operator.upload(`/api/programmes/${target}/imports/episodes?year=${year}`, `accompagnements-${prefix}.csv`, csv);
    const body = await r.json();
    const ms = performance.now() - t;
    // CPU of the API process meanwhile (all its threads; in embedded mode PGlite's too): steadier than wall time on a shared machine.
    const apiCpuMs = cpu === null ? null : Math.round(api.cpuMs() - cpu);
    if (r.status !== 200) throw new Error(`import ${r.status} ${JSON.stringify(body).slice(0, 1000)}`);
    runs.push({ ms: Math.round(ms), apiCpuMs, status: body.status, rows: body.rows, version: body.version, fileMB: Math.round((csv.length / 1048576) * 10) / 10 });
    log(`  import ${prefix} : ${fmtMs(ms)} (${body.status}, ${body.rows} lignes ; CPU de l'API ${apiCpuMs === null ? '?' : fmtMs(apiCpuMs)})`);
  }
  // The API logs the time of each phase of an import (« Import terminé », level info: BENCH_API_LOG_LEVEL=info),
  // sometimes just after its answer: give the last line a moment.
  const phaseLines = () => api.logRecords('"Import terminé"').length;
  for (let k = 0; k < 20 && ['info', 'debug', 'trace'].includes(config.apiLogLevel) && phaseLines() < runs.length; k++) await sleep(100);
  const phases = api
    .logRecords('"Import terminé"')
    .map(({ totalMs, phasesMs, workerMs, preparedIn }) => ({ totalMs, phasesMs, workerMs, preparedIn }))
    .slice(-runs.length);
  phases.forEach((p, i) => runs[i] && (runs[i].apiPhasesMs = p));
  for (const p of phases) log(`  phases (ms) : ${JSON.stringify(p)}`);
  const cpus = runs.map((r) => r.apiCpuMs).filter((v) => v !== null);
  return {
    endpoint: `POST /api/programmes/${target}/imports/episodes?year=${year}`,
    rows: config.importRows,
    runs,
    median: stats(runs.map((r) => r.ms)).median,
    apiCpuMsMedian: cpus.length ? stats(cpus).median : null,
  };
});

// 6. dashboard: initial JS (gzip) and time until the programme page shows its figures
await measure('dashboard', async () => {
  const size = initialJsSize(DASHBOARD_DIST, dashboardBuildLog);
  const browser = await timeToFigures(api.url, { email: ds.users.operator, code: ref, year, runs: 5 });
  return { initialJs: size, programmePage: { path: `/dispositifs/${ref}?annee=${year}&base=realise`, ...browser } };
});

result.apiRssEndKiB = api.rssKiB();
await api.stop();

// 7. time from process start to ready: embedded database, fresh EMBEDDED_DB_DIR, demo data
await measure('ready', async () => {
  const runs = [];
  const steps = [];
  let dir = null;
  // The API's own « Démarrage » lines (embedded database created from the built template or by initdb,
  // migrations, reference and demo data, accounts), with the time each was printed after the spawn.
  const startupSteps = (a) =>
    a.startupLines().flatMap(({ ms, line }) => {
      try {
        const j = JSON.parse(line);
        return j.context === 'Démarrage' ? [{ atMs: Math.round(ms), msg: j.msg }] : [];
      } catch {
        return [];
      }
    });
  for (let k = 0; k < config.readyRuns; k++) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'sdat-bench-ready-'));
    const a = await startApi({ EMBEDDED_DB_DIR: join(dir, 'pglite'), DASHBOARD_DIR: DASHBOARD_DIST, LOG_LEVEL: 'info' });
    runs.push(a.readyMs);
    steps.push(startupSteps(a));
    await a.stop();
  }
  const again = await startApi({ EMBEDDED_DB_DIR: join(dir, 'pglite'), DASHBOARD_DIR: DASHBOARD_DIST, LOG_LEVEL: 'info' });
  await again.stop();
  rmSync(dir, { recursive: true, force: true });
  return {
    freshDirectoryWithDemoData: stats(runs),
    runsMs: runs.map(Math.round),
    startupSteps: steps,
    restartOnExistingDirectory: Math.round(again.readyMs),
    restartSteps: startupSteps(again),
  };
});

// ---------------------------------------------------------------- clean up, write
if (mode === 'server' && !reuse && !flags['keep-db'] && !env.BENCH_KEEP_DB) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${prepared.database.name}`);
  await admin.end();
  result.database.dropped = true;
} else if (mode === 'embedded' && !flags['keep-db'] && !env.BENCH_KEEP_DB) {
  rmSync(prepared.database.name, { recursive: true, force: true });
} else if (mode === 'server' && !reuse) {
  log(`Base gardée : ${prepared.database.name} (--reuse-db=${prepared.database.name} ; ${rememberKeptDatabase(prepared)})`);
}

const files = writeResults(`bench-${mode}`, result, markdown(result));
log(`Résultats : ${files.json}\n           ${files.md}`);

function verdict(ok) {
  return ok === null || ok === undefined ? '—' : ok ? '✅ atteint' : '❌ manqué';
}

function markdown(r) {
  const m = r.measures;
  const rows = [];
  if (m.indicators) {
    rows.push(['1. Indicateurs d’un dispositif-année (API / SQL brut psql), en cache', `${fmtMs(m.indicators.api.median)} / ${fmtMs(m.indicators.rawSql.median)} = ${m.indicators.ratio}×`, `≤ ${TARGETS.indicatorsRatio}×`, verdict(m.indicators.ratio <= TARGETS.indicatorsRatio)]);
    if (m.indicators.apiNewProcess) rows.push(["1. Idem, premières demandes d'un nouveau processus (résultats stockés)", `${fmtMs(m.indicators.apiNewProcess.median)} / ${fmtMs(m.indicators.rawSql.median)} = ${m.indicators.newProcessRatio}×`, `≤ ${TARGETS.indicatorsRatio}×`, verdict(m.indicators.newProcessRatio <= TARGETS.indicatorsRatio)]);
    if (m.indicators.apiCold) rows.push(['1. Idem, première demande (calcul depuis la base)', `${fmtMs(m.indicators.apiCold.median)} / ${fmtMs(m.indicators.rawSql.median)} = ${m.indicators.coldRatio}×`, `≤ ${TARGETS.indicatorsRatio}×`, verdict(m.indicators.coldRatio <= TARGETS.indicatorsRatio)]);
  }
  if (m.comparison) {
    rows.push([`2. Comparaison de ${m.comparison.programmes} dispositifs (1 an), en cache`, fmtMs(m.comparison.api.median), `< ${TARGETS.comparisonMs} ms (1 000 dispositifs)`, verdict(m.comparison.api.median < TARGETS.comparisonMs)]);
    if (m.comparison.newProcessMs !== undefined && m.comparison.newProcessMs !== null) rows.push([`2. Idem, première demande d'un nouveau processus (résultats stockés)`, fmtMs(m.comparison.newProcessMs), `< ${TARGETS.comparisonMs} ms`, verdict(m.comparison.newProcessMs < TARGETS.comparisonMs)]);
    if (m.comparison.afterOneChangeMs !== undefined) rows.push([`2. Idem, après la modification d'un dispositif`, fmtMs(m.comparison.afterOneChangeMs), `< ${TARGETS.comparisonMs} ms`, verdict(m.comparison.afterOneChangeMs < TARGETS.comparisonMs)]);
    if (m.comparison.apiColdMs !== undefined) rows.push([`2. Idem, toute première demande après le chargement en masse (calcul et stockage de chaque dispositif)`, fmtMs(m.comparison.apiColdMs), '— (une fois)', '—']);
  }
  if (m.throughput) rows.push([`3. Fiche dispositif à ${m.throughput.connections} connexions, ${m.throughput.seconds} s`, `${m.throughput.requestsPerSecond} req/s, p50 ${fmtMs(m.throughput.latencyMs.p50)}, p95 ${fmtMs(m.throughput.latencyMs.p95)}, p99 ${fmtMs(m.throughput.latencyMs.p99)}, erreurs ${m.throughput.errors + m.throughput.non2xx}`, `≥ ${TARGETS.throughputRps} req/s, p95 < ${TARGETS.throughputP95Ms} ms`, verdict(m.throughput.requestsPerSecond >= TARGETS.throughputRps && m.throughput.latencyMs.p95 < TARGETS.throughputP95Ms)]);
  if (m.pdf) rows.push(['4. Un bilan PDF (le même, redemandé)', fmtMs(m.pdf.one.median), `< ${TARGETS.pdfMs} ms`, verdict(m.pdf.one.median < TARGETS.pdfMs)]);
  if (m.pdf?.distinctReports) rows.push(['4. Un bilan PDF jamais demandé (5 autres dispositifs-années)', fmtMs(m.pdf.distinctReports.stats.median), `< ${TARGETS.pdfMs} ms`, verdict(m.pdf.distinctReports.stats.median < TARGETS.pdfMs)]);
  if (m.pdf) rows.push(['4. Premier bilan du processus', fmtMs(m.pdf.firstRequestMs), '—', '—']);
  if (m.pdf) rows.push([`4. ${m.pdf.inARow.count} bilans d’affilée : /api/health pendant (p50 / p99 / max)`, `${fmtMs(m.pdf.healthLatencyDuringPdfs.median)} / ${fmtMs(m.pdf.healthLatencyDuringPdfs.p99)} / ${fmtMs(m.pdf.healthLatencyDuringPdfs.max)} (au repos p50 ${fmtMs(m.pdf.healthLatencyIdle.median)}) ; total ${fmtMs(m.pdf.inARow.totalMs)}`, 'l’API reste réactive', '—']);
  if (m.import) rows.push([`5. Import de ${m.import.rows} accompagnements (CSV)`, `${fmtMs(m.import.median)}${m.import.apiCpuMsMedian ? ` (CPU de l’API ${fmtMs(m.import.apiCpuMsMedian)})` : ''}`, `< ${TARGETS.importMs / 1000} s`, verdict(m.import.median < TARGETS.importMs)]);
  if (m.dashboard?.initialJs?.jsGzipKB !== undefined) rows.push(['6. JavaScript initial du tableau de bord (gzip -9)', `${m.dashboard.initialJs.jsGzipKB} Ko (${m.dashboard.initialJs.files.length} fichiers)`, `≤ ${TARGETS.initialJsGzipKB} Ko`, verdict(m.dashboard.initialJs.jsGzipKB <= TARGETS.initialJsGzipKB)]);
  if (m.dashboard?.programmePage?.fromNavigationStart) rows.push(['6. Page dispositif : chiffres clés affichés (Chromium, cache vide)', fmtMs(m.dashboard.programmePage.fromNavigationStart.median), '—', '—']);
  if (m.ready) rows.push(['7. Démarrage → « SDAT indicateurs prêt » (embarqué, répertoire neuf, démo)', fmtMs(m.ready.freshDirectoryWithDemoData.median), `< ${TARGETS.readyMs / 1000} s`, verdict(m.ready.freshDirectoryWithDemoData.median < TARGETS.readyMs)]);
  if (m.ready) rows.push(['7. Redémarrage sur le répertoire existant', fmtMs(m.ready.restartOnExistingDirectory), '—', '—']);
  const base = m.ready?.startupSteps?.[0]?.find((s) => s.msg.startsWith('Base embarquée'));
  if (base) rows.push(['7. Base embarquée (1er démarrage)', base.msg, '—', '—']);
  const d = r.dataset;
  return `# Banc d’essai — ${r.machine.date}

- Machine : ${r.machine.cpuModel}, ${r.machine.cores} cœurs, ${r.machine.memoryGiB} Gio, ${r.machine.os}, Node ${r.machine.node}
- Commit : ${r.machine.gitCommit}${r.machine.uncommittedChangesInAppsOrLibs ? ' (+ modifications non commitées dans apps/ ou libs/)' : ''}${r.config.apiBuild ? `\n- API mesurée : ${r.config.apiBuild}` : ''}
- Base : **${r.database.mode}** — ${r.database.engine} — ${r.database.name}${r.database.sizeMB ? ` (${r.database.sizeMB} Mo)` : ''}
- Échelle ${d.size.scale} (1 = nationale) : ${d.size.programmes} dispositifs, ${d.size.departements} départements, ${d.size.years.length} années, ${d.counts.support_episode} accompagnements, graine ${d.seed} ; généré en ${fmtMs(d.generationMs)}
- Lignes : ${Object.entries(d.counts).map(([k, v]) => `${k} ${v}`).join(', ')}

${mdTable(['Mesure', 'Mesuré (médiane)', 'Cible', 'Verdict'], rows)}

${Object.keys(r.errors).length ? `## Erreurs\n\n${Object.entries(r.errors).map(([k, v]) => `- **${k}** : \`${v.split('\n')[0]}\``).join('\n')}\n` : ''}
Détail complet (toutes les séries, chiffres comparés API = SQL) : le fichier JSON du même nom.
`;
}
