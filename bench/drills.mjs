#!/usr/bin/env node
// npm run drills — fault drills against a PostgreSQL server started for the drill (initdb + pg_ctl in
// a temp directory, free port). See docs/performance.md.
//
//   DRILL_SOAK_MINUTES=1 (soak at 50 connections), DRILL_SCALE=0.005, DRILL_RSS_TOLERANCE_PCT=20,
//   DRILL_IMPORT_ROWS=100000, flags: --only=kill9,restart,concurrent,soak,locked --skip-build
//   --quick: the five drills in about two minutes (20,000-row import, 8 s of load around the restart,
//   a 30-second soak), results under test-artifacts/drills — the `api:drills-quick` target of npm test.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { fmtMs, importTs, log, machineInfo, mdTable, ROOT, signIn, sleep, startApi, stats, writeResults } from './lib/common.mjs';
import { startCluster } from './lib/pg-cluster.mjs';
import { prepareDatabase } from './lib/prepare.mjs';

const flags = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true']));
const env = process.env;
const quick = flags.quick === 'true';
const config = {
  quick,
  scale: Number(env.DRILL_SCALE ?? 0.005),
  importRows: Number(env.DRILL_IMPORT_ROWS ?? (quick ? 20_000 : 100_000)),
  connections: Number(env.DRILL_CONNECTIONS ?? 50),
  soakMinutes: Number(env.DRILL_SOAK_MINUTES ?? (quick ? 0.5 : 1)),
  rssTolerancePct: Number(env.DRILL_RSS_TOLERANCE_PCT ?? 20),
  restartLoadSeconds: Number(env.DRILL_RESTART_LOAD_SECONDS ?? (quick ? 8 : 20)),
  recoveryLimitMs: 5000,
};
const only = flags.only ? new Set(flags.only.split(',')) : null;
const result = { kind: 'drills', machine: machineInfo(), config, database: null, drills: {}, errors: {} };

let restartApiAfterCrash = null;
async function drill(name, fn) {
  if (only && !only.has(name)) return;
  log(`— drill ${name}`);
  try {
    result.drills[name] = await fn();
    const crashed = restartApiAfterCrash ? await restartApiAfterCrash() : null;
    if (crashed) {
      result.drills[name].passed = false;
      result.drills[name].apiCrash = crashed;
      result.drills[name].summary = `LE PROCESSUS DE L'API S'EST ARRÊTÉ (code ${crashed.code}, signal ${crashed.signal}) ; ${result.drills[name].summary}`;
    }
    log(`  ${result.drills[name].passed ? 'RÉUSSI' : 'ÉCHOUÉ'} : ${result.drills[name].summary}`);
  } catch (error) {
    log(`  ERREUR ${name} : ${error.stack ?? error}`);
    result.errors[name] = String(error.stack ?? error).slice(0, 4000);
    const crashed = restartApiAfterCrash ? await restartApiAfterCrash() : null;
    result.drills[name] = { passed: false, summary: `${crashed ? `LE PROCESSUS DE L'API S'EST ARRÊTÉ (code ${crashed.code}) ; ` : ''}erreur : ${String(error.message ?? error).slice(0, 300)}`, ...(crashed ? { apiCrash: crashed } : {}) };
  }
}

if (!flags['skip-build'] && !env.BENCH_SKIP_BUILD) {
  log('Construction : nx build api…');
  execFileSync('npx', ['nx', 'build', 'api'], { cwd: ROOT, env: { ...env, NX_DAEMON: 'false', NX_TUI: 'false' }, stdio: 'inherit' });
}

const cluster = await startCluster();
log(`PostgreSQL de l'exercice : ${cluster.dir} port ${cluster.port}`);
let api = null;
try {
  const prepared = await prepareDatabase({ mode: 'server', serverUrl: cluster.url(), scale: config.scale, prefix: 'sdat_drill' });
  result.database = { ...prepared.database, cluster: cluster.dir, port: cluster.port };
  const ds = prepared.dataset;
  const dbUrl = prepared.database.url;
  const sql = async (text, params = []) => {
    const c = new pg.Client({ connectionString: dbUrl });
    c.on('error', () => undefined);
    await c.connect();
    try {
      return (await c.query(text, params)).rows;
    } finally {
      await c.end();
    }
  };
  const apiEnv = { ...prepared.apiEnv, LOG_LEVEL: 'warn', EXPORT_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '1000000' };
  api = await startApi(apiEnv);
  let operator = await signIn(api.url, ds.users.operator);
  // A drill must not kill the API process; if it did, say so and start it again for the next drill.
  restartApiAfterCrash = async () => {
    const exit = api.exited();
    if (!exit) return null;
    log(`  le processus de l'API s'est arrêté : ${JSON.stringify({ code: exit.code, signal: exit.signal })}\n${exit.outputTail.slice(-2500)}`);
    api = await startApi(apiEnv);
    operator = await signIn(api.url, ds.users.operator);
    return exit;
  };
  const support = await importTs('apps/api/test/support/import-files.ts');
  const { datasetSpec } = await importTs('libs/imports/src/index.ts');
  const ref = ds.reference.code;
  const importTarget = ds.operatorProgrammes[1];

  /** Everything an import of `code` could touch, as one fingerprint. */
  const fingerprint = async (code) => {
    const [row] = await sql(
      `SELECT (SELECT count(*) FROM support_episode e WHERE e.programme_id = p.id)::int AS episodes,
              (SELECT md5(coalesce(string_agg(e.participant_key || e.entry_date || coalesce(e.exit_date::text, '-') || e.version, ',' ORDER BY e.participant_key, e.entry_date), ''))
                 FROM support_episode e WHERE e.programme_id = p.id) AS episodes_md5,
              (SELECT json_agg(json_build_object('year', v.year, 'dataset', v.dataset, 'number', v.number, 'current', v.current, 'hash', v.content_hash, 'rows', v.row_count) ORDER BY v.id)
                 FROM import_version v WHERE v.programme_id = p.id) AS versions
         FROM programme p WHERE p.code = $1`,
      [code],
    );
    return row;
  };

  // ------------------------------------------------------------ 1. kill -9 of the postmaster during a large import
  await drill('kill9', async () => {
    const earlier = [];
    for (const y of [2021, 2022]) {
      const r = await operator.upload(`/api/programmes/${importTarget}/imports/episodes?year=${y}`, `avant-${y}.csv`, support.csvFile('episodes', support.episodes(y, 2000, `AVANT-${y}`)));
      earlier.push({ year: y, status: r.status, body: await r.json() });
    }
    if (earlier.some((e) => e.status !== 200)) throw new Error(`imports préalables : ${JSON.stringify(earlier)}`);
    const before = await fingerprint(importTarget);
    const csv = support.csvFile('episodes', support.episodes(2023, config.importRows, 'GRAND-IMPORT'));
    const start = await operator.upload(`/api/programmes/${importTarget}/imports/episodes?year=2023&async=true`, 'grand-import-2023.csv', csv);
    const job = await start.json();
    if (start.status !== 202) throw new Error(`import async : ${start.status} ${JSON.stringify(job)}`);
    // Wait until the rows are being written (job phase « writing » and the COPY or INSERT visible in pg_stat_activity), then kill -9.
    const admin = new pg.Client({ connectionString: dbUrl });
    admin.on('error', () => undefined);
    await admin.connect();
    let phase = null;
    let inserting = false;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      // The import's bulk write: COPY into its temporary table, then one INSERT … SELECT (server).
      // Looked at before the job's phase: the phase turns « writing » before the transaction starts, so
      // a write seen here has its phase said by the next answer (the other order races).
      const [a] = (
        await admin.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE (query LIKE 'INSERT INTO support_episode%' OR query LIKE 'COPY episode_import%') AND state = 'active'`,
        )
      ).rows;
      inserting = a.n > 0;
      // (a keep-alive socket the server just closed makes fetch fail now and then: poll again)
      phase = (await operator.get(`/api/import-jobs/${job.id}`).then((r) => r.json()).catch(() => ({ phase })))?.phase;
      if (inserting || phase === 'done' || phase === 'failed') break;
      await sleep(20);
    }
    await admin.end().catch(() => undefined);
    const killedAt = Date.now();
    const pid = await cluster.kill9();
    const killPhase = phase;
    const jobAfter = await (async () => {
      for (let k = 0; k < 50; k++) {
        const r = await operator.get(`/api/import-jobs/${job.id}`);
        if (r.status === 200) {
          const view = await r.json();
          if (view.phase === 'failed' || view.phase === 'done') return view;
        }
        await sleep(100);
      }
      return null;
    })();
    const whileDown = await operator.get(`/api/programmes/${ref}`);
    const whileDownStatus = whileDown.status;
    const whileDownBody = await whileDown.json().catch(() => null);
    await cluster.start(); // crash recovery
    const restartedAt = Date.now();
    let recoveredMs = null;
    for (let k = 0; k < 100; k++) {
      const r = await operator.get(`/api/programmes/${ref}`);
      if (r.status === 200) {
        recoveredMs = Date.now() - restartedAt;
        break;
      }
      await sleep(100);
    }
    const after = await fingerprint(importTarget);
    const [{ n: importAudits }] = await sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'import' AND object_id = $1`, [`${importTarget}/2023/episodes`]);
    const [{ n: version2023 }] = await sql(`SELECT count(*)::int AS n FROM import_version v JOIN programme p ON p.id = v.programme_id WHERE p.code = $1 AND v.year = 2023`, [importTarget]);
    const intact = JSON.stringify(before) === JSON.stringify(after);
    const killedMidWrite = inserting && killPhase === 'writing';
    return {
      passed: intact && version2023 === 0 && importAudits === 0 && killedMidWrite && recoveredMs !== null,
      summary: `kill -9 du postmaster (pid ${pid}) pendant l'écriture de ${config.importRows} lignes (phase « ${killPhase} », COPY ou INSERT en cours : ${inserting}) ; après redémarrage : aucune ligne ni version 2023 (${version2023}), imports 2021 et 2022 identiques (${intact ? 'empreinte égale' : 'EMPREINTE DIFFÉRENTE'}) ; API de nouveau à 200 ${recoveredMs === null ? 'JAMAIS' : `${recoveredMs} ms`} après le redémarrage`,
      earlierImports: earlier.map((e) => ({ year: e.year, status: e.status, version: e.body.version, rows: e.body.rows })),
      killPhase,
      insertSeenInPgStatActivity: inserting,
      importJobAfterKill: jobAfter,
      apiWhileDatabaseDown: { status: whileDownStatus, body: whileDownBody },
      fingerprintBefore: before,
      fingerprintAfter: after,
      rowsOrVersionsOf2023: version2023,
      importAuditRows2023: importAudits,
      recoveredMsAfterRestart: recoveredMs,
      killedAt: new Date(killedAt).toISOString(),
    };
  });

  // ------------------------------------------------------------ 2. PostgreSQL restarted while the API is under load
  await drill('restart', async () => {
    operator = await signIn(api.url, ds.users.operator);
    const lines = await sql(
      `SELECT l.id::text AS id, l.version FROM budget_line l JOIN budget b ON b.id = l.budget_id JOIN programme p ON p.id = b.programme_id
        WHERE p.code = ANY($1) AND b.year = 2024 ORDER BY l.id`,
      [ds.operatorProgrammes],
    );
    const codeOfLine = new Map((await sql(`SELECT l.id::text AS id, p.code FROM budget_line l JOIN budget b ON b.id = l.budget_id JOIN programme p ON p.id = b.programme_id WHERE p.code = ANY($1)`, [ds.operatorProgrammes])).map((r) => [r.id, r.code]));
    const events = [];
    const t0 = Date.now();
    const paths = ds.operatorProgrammes.map((c) => `/api/programmes/${c}`);
    let i = 0;
    const load = autocannon({
      url: api.url,
      connections: config.connections,
      duration: config.restartLoadSeconds,
      timeout: 10,
      headers: { cookie: operator.cookie, accept: 'application/json' },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
    });
    load.on('response', (_c, status, _b, ms) => events.push({ t: Date.now() - t0, status, ms }));
    // A writer: one PATCH after another, each on a fresh line (version 1 → 2); acknowledged writes are checked afterwards.
    const writes = [];
    let writing = true;
    const writer = (async () => {
      let k = 0;
      while (writing && k < lines.length) {
        const line = lines[k++];
        const amount = 1_000_000 + k;
        const t = Date.now();
        let status = 0;
        try {
          const r = await operator.patch(`/api/programmes/${codeOfLine.get(line.id)}/budget-lines/${line.id}`, { version: line.version, amountCents: amount }, { signal: AbortSignal.timeout(10_000) });
          status = r.status;
          await r.text();
        } catch (error) {
          status = `erreur ${error.name}`;
        }
        writes.push({ id: line.id, version: line.version, amount, status, t: t - t0, ms: Date.now() - t });
        await sleep(50);
      }
    })();
    await sleep(5000);
    const restartAt = Date.now() - t0;
    await cluster.restart();
    const readyAt = Date.now() - t0;
    const r = await load;
    writing = false;
    await writer;
    // Check every acknowledged write.
    const acknowledged = writes.filter((w) => w.status === 200);
    const stored = new Map((await sql(`SELECT id::text AS id, amount_cents::text AS amount, version FROM budget_line WHERE id = ANY($1::bigint[])`, [acknowledged.map((w) => w.id)])).map((x) => [x.id, x]));
    const lost = acknowledged.filter((w) => Number(stored.get(w.id)?.amount) !== w.amount || stored.get(w.id)?.version !== w.version + 1);
    const failures = events.filter((e) => e.status !== 200);
    const statusCounts = {};
    for (const e of events) statusCounts[e.status] = (statusCounts[e.status] ?? 0) + 1;
    const writeStatusCounts = {};
    for (const w of writes) writeStatusCounts[w.status] = (writeStatusCounts[w.status] ?? 0) + 1;
    const lastFailure = failures.length ? Math.max(...failures.map((e) => e.t)) : null;
    const recoveryMs = lastFailure === null ? 0 : Math.max(0, lastFailure - readyAt);
    const failFast = stats(failures.map((e) => e.ms));
    const no500 = !events.some((e) => e.status === 500) && !writes.some((w) => w.status === 500);
    const noHang = r.timeouts === 0 && r.errors === 0 && (failFast.max ?? 0) < 5000;
    const only503 = failures.every((e) => e.status === 503) && writes.every((w) => w.status === 200 || w.status === 503);
    // The API's own log lines of the errors it answered with 500 (level 50), to say which error was not mapped.
    const errorLog = api
      .logRecords('"level":50')
      .map((j) => `${j.req?.method ?? ''} ${j.req?.url ?? ''} ${String(j.msg).split('\n').slice(0, 3).join(' | ')}`)
      .slice(0, 10);
    return {
      errorLogOf500: errorLog,
      passed: no500 && only503 && noHang && recoveryMs <= config.recoveryLimitMs && lost.length === 0,
      summary: `pg_ctl restart -m fast à t=${restartAt} ms (prêt à t=${readyAt} ms) sous ${config.connections} connexions : ${events.length} réponses ${JSON.stringify(statusCounts)}, échecs en ${fmtMs(failFast.median)} (max ${fmtMs(failFast.max)}), délais dépassés ${r.timeouts}, erreurs de connexion ${r.errors} ; dernière erreur ${lastFailure === null ? '—' : `${recoveryMs} ms`} après le retour de PostgreSQL ; écritures ${JSON.stringify(writeStatusCounts)}, ${lost.length} écriture(s) confirmée(s) perdue(s)`,
      restartAtMs: restartAt,
      postgresReadyAtMs: readyAt,
      responses: events.length,
      statusCounts,
      failedRequestLatencyMs: failFast,
      firstFailureAtMs: failures.length ? Math.min(...failures.map((e) => e.t)) : null,
      lastFailureAtMs: lastFailure,
      recoveryAfterPostgresReadyMs: recoveryMs,
      autocannon: { errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, requestsPerSecond: Math.round(r.requests.average) },
      writes: { attempted: writes.length, statusCounts: writeStatusCounts, acknowledged: acknowledged.length, lost: lost.length, failedWrites: writes.filter((w) => w.status !== 200) },
    };
  });

  // ------------------------------------------------------------ 3. two concurrent edits of the same row
  await drill('concurrent', async () => {
    const [line] = await sql(
      `SELECT l.id::text AS id, l.version FROM budget_line l JOIN budget b ON b.id = l.budget_id JOIN programme p ON p.id = b.programme_id
        WHERE p.code = $1 AND b.year = 2023 AND b.basis = 'actual' AND l.account_code = '6411'`,
      [ref],
    );
    const other = await signIn(api.url, ds.users.operator);
    const rounds = [];
    let version = line.version;
    for (let k = 0; k < 10; k++) {
      const amounts = [2_000_000 + k * 10 + 1, 2_000_000 + k * 10 + 2];
      const [a, b] = await Promise.all([
        operator.patch(`/api/programmes/${ref}/budget-lines/${line.id}`, { version, amountCents: amounts[0] }),
        other.patch(`/api/programmes/${ref}/budget-lines/${line.id}`, { version, amountCents: amounts[1] }),
      ]);
      const bodies = [await a.json(), await b.json()];
      const statuses = [a.status, b.status];
      const winner = statuses.indexOf(200);
      const [stored] = await sql('SELECT amount_cents::text AS amount, version FROM budget_line WHERE id = $1', [line.id]);
      rounds.push({
        version,
        statuses,
        stored: { amount: Number(stored.amount), version: stored.version },
        ok: [...statuses].sort().join(',') === '200,409' && Number(stored.amount) === amounts[winner] && stored.version === version + 1,
        conflictMessage: bodies[statuses.indexOf(409)]?.message ?? null,
      });
      version = stored.version;
    }
    const ok = rounds.every((r) => r.ok);
    return {
      passed: ok,
      summary: `${rounds.length} tours de deux PATCH simultanés (même version) : ${rounds.filter((r) => r.ok).length}/${rounds.length} avec exactement un 200 et un 409, la valeur du gagnant en base et la version +1`,
      line: line.id,
      rounds,
    };
  });

  // ------------------------------------------------------------ 4. soak at 50 connections: no error, RSS flat
  await drill('soak', async () => {
    // A fresh API process, so that what earlier drills allocated (a 100,000-row import) is not the baseline.
    await api.stop();
    api = await startApi(apiEnv);
    operator = await signIn(api.url, ds.users.operator);
    const seconds = Math.round(config.soakMinutes * 60);
    const paths = ds.operatorProgrammes.flatMap((c) => [`/api/programmes/${c}`, `/api/programmes/${c}/indicators?year=2023&basis=actual`, `/api/programmes/${c}/budgets?year=2023&basis=actual`]);
    let i = 0;
    const rss = [];
    const sampler = setInterval(() => rss.push({ t: rss.length, kib: api.rssKiB() }), 1000);
    const statuses = {};
    const instance = autocannon({
      url: api.url,
      connections: config.connections,
      duration: seconds,
      headers: { cookie: operator.cookie, accept: 'application/json' },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
    });
    instance.on('response', (_c, status) => (statuses[status] = (statuses[status] ?? 0) + 1));
    const r = await instance;
    clearInterval(sampler);
    const values = rss.map((x) => x.kib).filter(Boolean);
    // RSS is a sawtooth (the heap grows, a major GC gives memory back): compare its FLOOR (lowest
    // sample) over the last half with the floor over the first half once warmed up (after 20 %).
    const warm = Math.floor(values.length / 5);
    const half = Math.floor(values.length / 2);
    const early = Math.min(...values.slice(warm, half));
    const late = Math.min(...values.slice(half));
    const growthPct = Math.round(((late - early) / early) * 1000) / 10;
    const errors = r.errors + r.timeouts + r.non2xx;
    return {
      passed: errors === 0 && growthPct <= config.rssTolerancePct,
      summary: `${seconds} s à ${config.connections} connexions (fiche, indicateurs, budget) : ${r.requests.total} requêtes, ${Math.round(r.requests.average)} req/s, erreurs ${errors} ; RSS plancher ${Math.round(early / 1024)} Mo (1re moitié, après chauffe) → ${Math.round(late / 1024)} Mo (2e moitié), pic ${Math.round(Math.max(...values) / 1024)} Mo, ${growthPct >= 0 ? '+' : ''}${growthPct} % (tolérance ${config.rssTolerancePct} %)`,
      seconds,
      requests: r.requests.total,
      requestsPerSecond: Math.round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      statuses,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      rssMiB: { floorFirstHalfAfterWarmup: Math.round(early / 1024), floorSecondHalf: Math.round(late / 1024), growthPct, max: Math.round(Math.max(...values) / 1024), samples: values.map((v) => Math.round(v / 1024)) },
    };
  });

  // ------------------------------------------------------------ 5. every write path refused on a locked programme-year
  await drill('locked', async () => {
    const year = 2022;
    const [p] = await sql('SELECT id FROM programme WHERE code = $1', [ref]);
    await sql(`INSERT INTO annual_report (programme_id, year, status, narrative, version) VALUES ($1, $2, 'validated', '{}', 1)`, [p.id, year]);
    const rowsFingerprint = async () =>
      (
        await sql(
          `SELECT md5(concat_ws('|',
             (SELECT string_agg(l.id || ':' || l.amount_cents || ':' || l.version, ',' ORDER BY l.id) FROM budget_line l JOIN budget b ON b.id = l.budget_id WHERE b.programme_id = $1 AND b.year = $2),
             (SELECT string_agg(f.id || ':' || f.amount_cents, ',' ORDER BY f.id) FROM funding f WHERE f.programme_id = $1 AND f.year = $2),
             (SELECT string_agg(s.id || ':' || s.quantity || ':' || s.version, ',' ORDER BY s.id) FROM staff_line s WHERE s.programme_id = $1 AND s.year = $2),
             (SELECT string_agg(e.id || ':' || coalesce(e.exit_date::text, '-') || ':' || e.version, ',' ORDER BY e.id) FROM support_episode e WHERE e.programme_id = $1 AND e.entry_date <= make_date($2, 12, 31) AND (e.exit_date IS NULL OR e.exit_date >= make_date($2, 1, 1))),
             (SELECT string_agg(m.id || ':' || m.waiting_list_end, ',' ORDER BY m.id) FROM monthly_activity m WHERE m.programme_id = $1 AND m.month BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)),
             (SELECT count(*) FROM import_version v WHERE v.programme_id = $1 AND v.year = $2))) AS h`,
          [p.id, year],
        )
      )[0].h;
    const before = await rowsFingerprint();
    const [budgetLine] = await sql(`SELECT l.id::text AS id, l.version FROM budget_line l JOIN budget b ON b.id = l.budget_id WHERE b.programme_id = $1 AND b.year = $2 AND b.basis = 'actual' ORDER BY l.id LIMIT 1`, [p.id, year]);
    const [staffLine] = await sql(`SELECT id::text AS id, version FROM staff_line WHERE programme_id = $1 AND year = $2 AND basis = 'actual' ORDER BY id LIMIT 1`, [p.id, year]);
    const [episode] = await sql(`SELECT id::text AS id, version FROM support_episode WHERE programme_id = $1 AND entry_date BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) AND exit_date IS NULL ORDER BY id LIMIT 1`, [p.id, year]);
    const file = (key) => (key === 'episodes' ? support.csvFile('episodes', support.episodes(year, 20, 'VERROU')) : support.csvFile(key, datasetSpec(key).examples));
    const attempts = [];
    for (const key of ['budget', 'funding', 'staff', 'episodes', 'monthly_activity']) {
      const r = await operator.upload(`/api/programmes/${ref}/imports/${key}?year=${year}`, `${key}.csv`, file(key));
      attempts.push({ write: `POST imports/${key}`, status: r.status, message: (await r.json()).message });
    }
    const patches = [
      [`budget-lines/${budgetLine.id}`, { version: budgetLine.version, amountCents: 123_456 }],
      [`staff-lines/${staffLine.id}`, { version: staffLine.version, fte: 1.5 }],
      [`episodes/${episode.id}`, { version: episode.version, exitDate: `${year}-12-15`, handover: 'siao' }],
    ];
    for (const [path, body] of patches) {
      const r = await operator.patch(`/api/programmes/${ref}/${path}`, body);
      attempts.push({ write: `PATCH ${path.split('/')[0]}`, status: r.status, message: (await r.json()).message });
    }
    for (const [method, path, body] of [
      ['PUT', 'narrative', { version: 1, narrative: { actions: 'Texte modifié après validation' } }],
      ['POST', 'submit', { version: 1 }],
    ]) {
      const r = await operator.send(method, `/api/programmes/${ref}/annual-reports/${year}/${path}`, body);
      attempts.push({ write: `${method} annual-reports/${path}`, status: r.status, message: (await r.json()).message });
    }
    const after = await rowsFingerprint();
    // Control: the same PATCH on an unlocked year goes through (so the 409s above are the lock).
    const [openLine] = await sql(`SELECT l.id::text AS id, l.version FROM budget_line l JOIN budget b ON b.id = l.budget_id WHERE b.programme_id = $1 AND b.year = 2024 AND b.basis = 'actual' ORDER BY l.id LIMIT 1`, [p.id]);
    const control = await operator.patch(`/api/programmes/${ref}/budget-lines/${openLine.id}`, { version: openLine.version, amountCents: 654_321 });
    const all409 = attempts.every((a) => a.status === 409);
    return {
      passed: all409 && before === after && control.status === 200,
      summary: `${attempts.length} écritures sur ${ref} ${year} (bilan validé) : ${attempts.filter((a) => a.status === 409).length} refusées en 409, données ${before === after ? 'inchangées' : 'MODIFIÉES'} ; contrôle sur 2024 non verrouillé : ${control.status}`,
      attempts,
      unchanged: before === after,
      controlUnlockedYearStatus: control.status,
    };
  });
} finally {
  await api?.stop();
  if (!flags['keep-cluster']) cluster.destroy();
}

const rows = Object.entries(result.drills).map(([name, d]) => [name, d.passed ? '✅ réussi' : '❌ échoué', d.summary]);
const md = `# Exercices de panne — ${result.machine.date}

- Machine : ${result.machine.cpuModel}, ${result.machine.cores} cœurs, ${result.machine.memoryGiB} Gio, Node ${result.machine.node}
- Commit : ${result.machine.gitCommit}${result.machine.uncommittedChangesInAppsOrLibs ? ' (+ modifications non commitées dans apps/ ou libs/)' : ''}
- Base : ${result.database?.engine ?? '—'} démarré pour l'exercice (initdb/pg_ctl, ${result.database?.cluster ?? '—'}, port ${result.database?.port ?? '—'}), base ${result.database?.name ?? '—'}, échelle ${config.scale}

${mdTable(['Exercice', 'Résultat', 'Mesuré'], rows)}

${Object.keys(result.errors).length ? `## Erreurs\n\n${Object.entries(result.errors).map(([k, v]) => `- **${k}** : \`${v.split('\n')[0]}\``).join('\n')}\n` : ''}
Détail (séries, réponses, empreintes avant/après) : le fichier JSON du même nom.
`;
const files = writeResults('drills', result, md, quick ? join(ROOT, 'test-artifacts/drills') : undefined);
log(`Résultats : ${files.json}\n           ${files.md}`);
process.exitCode = Object.values(result.drills).every((d) => d.passed) ? 0 : 1;
