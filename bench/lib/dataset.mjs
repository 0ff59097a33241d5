// Reproducible national-scale dataset (seeded PRNG), written with COPY into a database whose schema
// the API's own migrations created (the API is started once on it before generation).
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import argon2 from 'argon2';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { BENCH_PASSWORD, importTs, log, prng } from './common.mjs';

/** Full national scale (BENCH_SCALE=1): 1,000 programmes in 100 départements, 5 years, 2,000,000 episodes. */
export const NATIONAL = { programmes: 1000, departements: 100, episodes: 2_000_000 };
export const YEARS = [2020, 2021, 2022, 2023, 2024];
export const AS_OF = '2024-12-31';
export const AGREEMENT_CODE = 'bench-national';
export const USERS = {
  operator: 'banc.operateur@bench.sdat.fr',
  committee: 'banc.comite@bench.sdat.fr',
  pilot: 'banc.pilote@bench.sdat.fr',
};

export function sizeFor(scale) {
  const programmes = Math.max(4, Math.round(NATIONAL.programmes * scale));
  return {
    scale,
    programmes,
    departements: Math.max(1, Math.min(NATIONAL.departements, Math.ceil(programmes / 10))),
    episodes: Math.max(200, Math.round(NATIONAL.episodes * scale)),
    years: YEARS,
  };
}

export const programmeCode = (dept, index) => `bench-d${String(dept).padStart(3, '0')}-p${String(index).padStart(4, '0')}`;

// ---------------------------------------------------------------- COPY sinks

/** COPY text format: \N for null, t/f for booleans, backslash, tab and newlines escaped. */
function copyValue(v) {
  if (v === null || v === undefined) return '\\N';
  if (v === true) return 't';
  if (v === false) return 'f';
  if (Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`.replace(/\\/g, '\\\\');
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const copyLine = (row) => `${row.map(copyValue).join('\t')}\n`;

/** Groups rows into ~1 MB strings. */
function* chunks(rows) {
  let buf = '';
  for (const row of rows) {
    buf += copyLine(row);
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** A PostgreSQL server through pg + pg-copy-streams. */
export function serverSink(client) {
  return {
    query: (sql, params) => client.query(sql, params).then((r) => r.rows),
    async copy(table, columns, rows) {
      const stream = client.query(copyStreams.from(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
      await pipeline(Readable.from(chunks(rows)), stream);
    },
  };
}

/** The embedded PGlite, opened in this process (the API is stopped meanwhile): COPY FROM '/dev/blob'. */
export function pgliteSink(db) {
  return {
    query: (sql, params) => db.query(sql, params).then((r) => r.rows),
    async copy(table, columns, rows) {
      let parts = [];
      let size = 0;
      const flush = async () => {
        if (!parts.length) return;
        await db.query(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for (const chunk of chunks(rows)) {
        parts.push(chunk);
        size += chunk.length;
        if (size > 64 << 20) await flush();
      }
      await flush();
    },
  };
}

// ---------------------------------------------------------------- generation

const BUDGET_LINES = [
  // group, side, account, label, share of the expenses
  ['60', 'expenses', '6061', 'Fournitures non stockables (eau, énergie)', 0.025],
  ['60', 'expenses', '6063', "Fournitures d'entretien et de petit équipement", 0.015],
  ['61', 'expenses', '6132', 'Locations immobilières', 0.07],
  ['61', 'expenses', '6156', 'Maintenance', 0.01],
  ['62', 'expenses', '6211', 'Personnel intérimaire', 0.02],
  ['62', 'expenses', '6251', 'Voyages et déplacements', 0.015],
  ['63/64', 'expenses', '6311', 'Taxe sur les salaires', 0.04],
  ['63/64', 'expenses', '6411', 'Salaires et traitements', 0.5],
  ['63/64', 'expenses', '6451', 'Cotisations URSSAF', 0.2],
  ['65', 'expenses', '6557', 'Frais de siège', 0.06],
  ['65', 'expenses', '6586', 'Fonds de vie sociale', 0.01],
  ['68', 'expenses', '6811', 'Dotations aux amortissements', 0.035],
];
const GROUP_LABELS = {
  '60': 'Achats',
  '61': 'Services extérieurs',
  '62': 'Autres services extérieurs',
  '63/64': 'Charges de personnel',
  '65': 'Autres charges de gestion courante',
  '68': 'Dotations aux amortissements et provisions',
  '74': "Subventions d'exploitation",
  '75': 'Autres produits de gestion courante',
};
const FUNDER_SHARES = [
  // funder key, label, share of the income, signatory
  ['etat', 'État (DDETS)', 0.45, true],
  ['cd', 'Conseil départemental', 0.3, true],
  ['ville', 'Ville', 0.12, false],
  ['caf', "Caisse d'allocations familiales", 0.1, false],
];

const dayMs = 86_400_000;
const toDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const START_MS = Date.parse('2019-07-01');
const END_MS = Date.parse(AS_OF);

/**
 * Writes the dataset. `sink` is serverSink or pgliteSink; the schema and the reference data must be
 * there (the API ran its migrations). Returns what was generated and the codes the bench uses.
 */
export async function generateDataset(sink, { scale, seed = 20_240_101 }) {
  const size = sizeFor(scale);
  const rnd = prng(seed);
  const codes = await importTs('libs/reference-data/src/index.ts');
  const AGE = codes.AGE_BANDS.map((c) => c.code);
  const SITUATIONS = codes.HOUSEHOLD_SITUATIONS.map((c) => c.code);
  const REFERRERS = codes.REFERRERS.map((c) => c.code);
  const HANDOVERS = codes.HANDOVERS.map((c) => c.code);
  const COMMUNES = codes.COMMUNES.map((c) => c.code);
  const JOBS = codes.JOB_TITLES.slice(3, 9);
  const counts = {};
  const t0 = performance.now();

  // Organisations: the State (signs the national agreement), per département a council (pilot, funder),
  // a city and a CAF (funders) and operators (one per three programmes).
  const perDept = Math.ceil(size.programmes / size.departements);
  const orgRows = [['bench-etat', 'État — préfectures (banc d’essai)', ['signatory', 'funder']]];
  for (let d = 1; d <= size.departements; d++) {
    const dd = String(d).padStart(3, '0');
    orgRows.push([`bench-cd-${dd}`, `Conseil départemental ${dd}`, ['funder', 'pilot']]);
    orgRows.push([`bench-ville-${dd}`, `Ville-préfecture ${dd}`, ['funder']]);
    orgRows.push([`bench-caf-${dd}`, `CAF ${dd}`, ['funder']]);
    for (let k = 1; k <= Math.ceil(perDept / 3); k++) orgRows.push([`bench-op-${dd}-${k}`, `Association gestionnaire ${dd}-${k}`, ['operator']]);
  }
  await sink.copy('organisation', ['code', 'name', 'kinds', 'aliases'], orgRows.map((r) => [...r, []]));
  const orgId = new Map((await sink.query(`SELECT code, id FROM organisation WHERE code LIKE 'bench-%'`)).map((r) => [r.code, Number(r.id)]));
  counts.organisation = orgRows.length;

  const [agreement] = await sink.query(
    `INSERT INTO agreement (code, title, kind, start_date, end_date, duration_months, renewal_kind, signed_on, details)
     VALUES ($1, 'Convention nationale d’action sociale (banc d’essai)', 'framework_agreement', '2020-01-01', '2024-12-31', 60, 'none', '2019-12-15', '{}')
     RETURNING id`,
    [AGREEMENT_CODE],
  );
  await sink.query(`INSERT INTO agreement_signatory (agreement_id, organisation_id, role) VALUES ($1, $2, 'funder')`, [agreement.id, orgId.get('bench-etat')]);

  // Programmes, 10 per département (the last one may have fewer), each operated by an association of its département.
  const programmes = [];
  for (let i = 0; i < size.programmes; i++) {
    const dept = Math.floor(i / perDept) + 1;
    const inDept = (i % perDept) + 1;
    const dd = String(dept).padStart(3, '0');
    programmes.push({
      index: i,
      dept,
      dd,
      code: programmeCode(dept, inDept),
      name: `Accompagnement social ${inDept} — département ${dd}`,
      operator: `bench-op-${dd}-${Math.floor((inDept - 1) / 3) + 1}`,
    });
  }
  await sink.copy(
    'programme',
    ['code', 'name', 'agreement_id', 'annex_number', 'operator_id', 'target_public', 'territory', 'description', 'details'],
    programmes.map((p) => [p.code, p.name, agreement.id, p.index + 1, orgId.get(p.operator), 'Personnes en difficulté sociale', `Département ${p.dd}`, null, '{}']),
  );
  const pid = new Map((await sink.query(`SELECT code, id FROM programme WHERE agreement_id = $1`, [agreement.id])).map((r) => [r.code, Number(r.id)]));
  for (const p of programmes) p.id = pid.get(p.code);
  counts.programme = programmes.length;
  await sink.copy('programme_pilot', ['programme_id', 'organisation_id', 'role'], programmes.map((p) => [p.id, orgId.get(`bench-cd-${p.dd}`), 'pilot']));

  // Episode counts per programme: uneven sizes (0.4× to 1.6× the mean); programme 0 is exactly the mean.
  const weights = programmes.map((p) => (p.index === 0 ? 1 : 0.4 + rnd.next() * 1.2));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  programmes.forEach((p, i) => (p.episodes = Math.max(5, Math.round((size.episodes * weights[i]) / totalWeight))));

  // Capacity targets from the size.
  const targets = [];
  for (const p of programmes) {
    const perYear = p.episodes / 5.5;
    targets.push([p.id, 'active_caseload', 'File active', Math.max(5, Math.round(perYear * 0.55)), 'persons', null, 'File active de référence (banc d’essai)']);
    targets.push([p.id, 'follow_ups_per_year', 'Nombre de suivis annuels à exercer', Math.max(5, Math.round(perYear * 1.1)), 'follow_ups', null, null]);
  }
  await sink.copy('capacity_target', ['programme_id', 'code', 'label', 'value', 'unit', 'parent_code', 'source_text'], targets);

  // Support episodes (+ referrals): COPY streamed, programme after programme.
  let episodeCount = 0;
  let referralCount = 0;
  const referrals = [];
  function* episodes() {
    for (const p of programmes) {
      const seen = new Set();
      let participants = 0;
      for (let e = 0; e < p.episodes; e++) {
        // 10 % are re-entries of an earlier participant of the same programme.
        const participant = participants > 10 && rnd.chance(0.1) ? rnd.int(0, participants - 1) : participants++;
        const entryMs = START_MS + Math.floor(rnd.next() * ((END_MS - START_MS) / dayMs)) * dayMs;
        const entry = toDate(entryMs);
        if (seen.has(`${participant}|${entry}`)) continue;
        seen.add(`${participant}|${entry}`);
        const exitMs = entryMs + Math.round(1 + rnd.exp(210)) * dayMs;
        const exit = exitMs > END_MS ? null : toDate(exitMs);
        const key = createHash('sha256').update(`${seed}:${p.code}:${participant}`).digest('hex');
        const coEval = rnd.chance(0.05);
        episodeCount++;
        if (rnd.chance(0.5)) {
          referrals.push([p.id, key, entry, rnd.pick(REFERRERS), rnd.chance(0.3), rnd.chance(0.8) ? 'accord' : rnd.pick(['accord_waiting_list', 'adjournment', 'rejection'])]);
        }
        yield [
          p.id,
          key,
          coEval ? 'co_evaluation' : 'follow_up',
          entry,
          exit,
          rnd.pick(AGE),
          rnd.pick(SITUATIONS),
          rnd.pick(REFERRERS),
          'accord',
          exit ? rnd.pick(HANDOVERS) : null,
          exit ? rnd.chance(0.05) : false,
          rnd.pick(COMMUNES),
          false,
        ];
      }
    }
  }
  await sink.copy(
    'support_episode',
    ['programme_id', 'participant_key', 'kind', 'entry_date', 'exit_date', 'age_band', 'household_situation', 'referrer', 'referral_decision', 'handover', 'lease_transfer', 'commune', 'demo'],
    episodes(),
  );
  counts.support_episode = episodeCount;
  log(`  support_episode : ${episodeCount} lignes (${Math.round(performance.now() - t0)} ms depuis le début)`);
  await sink.copy('referral', ['programme_id', 'participant_key', 'decision_date', 'referrer', 'via_siao', 'decision', 'demo'], (function* () {
    for (const r of referrals) {
      referralCount++;
      yield [...r, false];
    }
  })());
  counts.referral = referralCount;
  referrals.length = 0;

  // Monthly activity: 12 months × years per programme; day centres (1/3) count visits, outreach teams (1/3) contacts.
  const monthly = [];
  for (const p of programmes) {
    const profile = p.index % 3;
    for (const year of YEARS) {
      for (let m = 1; m <= 12; m++) {
        const days = rnd.int(19, 23);
        monthly.push([
          p.id,
          `${year}-${String(m).padStart(2, '0')}-01`,
          days,
          profile === 0 ? days * rnd.int(20, 60) : null,
          profile === 0 ? rnd.int(40, 160) : null,
          profile === 1 ? rnd.int(50, 300) : null,
          profile === 1 ? rnd.int(20, 120) : null,
          rnd.int(0, 25),
          false,
        ]);
      }
    }
  }
  await sink.copy('monthly_activity', ['programme_id', 'month', 'opening_days', 'attendance_visits', 'attendance_distinct_people', 'outreach_contacts', 'outreach_distinct_people', 'waiting_list_end', 'demo'], monthly);
  counts.monthly_activity = monthly.length;

  // Budgets (forecast and actual) with their groups and lines, funding and staff for each programme-year.
  const [{ b, g, l, f, e, s }] = await sink.query(
    `SELECT (SELECT coalesce(max(id), 0) FROM budget) AS b, (SELECT coalesce(max(id), 0) FROM budget_group) AS g,
            (SELECT coalesce(max(id), 0) FROM budget_line) AS l, (SELECT coalesce(max(id), 0) FROM funding) AS f,
            (SELECT coalesce(max(id), 0) FROM earmark) AS e, (SELECT coalesce(max(id), 0) FROM staff_line) AS s`,
  );
  let budgetId = Number(b);
  let groupId = Number(g);
  let lineId = Number(l);
  let fundingId = Number(f);
  let earmarkId = Number(e);
  let staffId = Number(s);
  const budgets = [];
  const groups = [];
  const lines = [];
  const fundings = [];
  const earmarks = [];
  const staff = [];
  for (const p of programmes) {
    const base = Math.round((p.episodes / 5) * 2_500 * (0.8 + rnd.next() * 0.4)) * 100; // cents
    const fte = JOBS.map(() => Math.round((0.5 + rnd.next() * 3) * 100) / 100);
    for (const [yi, year] of YEARS.entries()) {
      for (const basis of ['forecast', 'actual']) {
        const growth = (1 + 0.02 * yi) * (basis === 'actual' ? 0.95 + rnd.next() * 0.1 : 1);
        const bId = ++budgetId;
        const expenseLines = BUDGET_LINES.map(([group, side, account, label, share]) => [group, side, account, label, Math.round(base * share * growth * (0.9 + rnd.next() * 0.2))]);
        const expenses = expenseLines.reduce((a, x) => a + x[4], 0);
        const other = Math.round(expenses * 0.03);
        const incomeLines = FUNDER_SHARES.map(([key, label, share]) => ['74', 'income', '74', `Subvention ${label}`, Math.round((expenses - other) * share / 0.97), key]);
        incomeLines.push(['75', 'income', '758', 'Produits divers de gestion courante', other, null]);
        const income = incomeLines.reduce((a, x) => a + x[4], 0);
        budgets.push([bId, p.id, year, basis, basis === 'forecast' ? `Budget prévisionnel ${year}` : null, basis === 'forecast' ? expenses : null, basis === 'forecast' ? income : null, 'import', false]);
        const groupTotals = new Map();
        for (const x of [...expenseLines, ...incomeLines]) groupTotals.set(x[0], { side: x[1], cents: (groupTotals.get(x[0])?.cents ?? 0) + x[4] });
        let position = 0;
        for (const [code, { side, cents }] of groupTotals) groups.push([++groupId, bId, code, side, GROUP_LABELS[code], basis === 'forecast' ? cents : null, position++, []]);
        [...expenseLines, ...incomeLines].forEach((x, i) => {
          const id = ++lineId;
          const funder = x[5] ? fundersOf(p, x[5]) : null;
          lines.push([id, bId, x[0], x[1], x[2], x[3], x[4], null, funder ? orgId.get(funder) : null, false, i + 1]);
          if (x[2] === '6411') earmarks.push([++earmarkId, id, null, null, 'segur', 'dont primes Ségur', Math.round(x[4] * 0.08)]);
        });
        FUNDER_SHARES.forEach(([key, label, , signatory], i) => {
          const id = ++fundingId;
          const cents = incomeLines[i][4];
          fundings.push([id, p.id, year, orgId.get(fundersOf(p, key)), label, cents, basis, signatory, i + 1, null, null, 'import', false]);
          if (key === 'etat') earmarks.push([++earmarkId, null, null, id, 'segur', 'dont financement des primes Ségur', Math.round(cents * 0.1)]);
        });
        JOBS.forEach((job, i) => {
          staff.push([++staffId, p.id, year, basis, i + 1, job.code, job.label, Math.round(fte[i] * growth * 100) / 100, 'fte', null, null, 'import', false]);
        });
      }
    }
  }
  await sink.copy('budget', ['id', 'programme_id', 'year', 'basis', 'printed_title', 'printed_total_expenses_cents', 'printed_total_income_cents', 'source', 'demo'], budgets);
  await sink.copy('budget_group', ['id', 'budget_id', 'group_code', 'side', 'label', 'printed_subtotal_cents', 'position', 'notes'], groups);
  await sink.copy('budget_line', ['id', 'budget_id', 'group_code', 'side', 'account_code', 'label', 'amount_cents', 'printed_amount', 'funder_id', 'group_without_detail', 'position'], lines);
  await sink.copy('funding', ['id', 'programme_id', 'year', 'funder_id', 'label', 'amount_cents', 'basis', 'funder_is_signatory', 'position', 'printed', 'breakdown', 'source', 'demo'], fundings);
  await sink.copy('earmark', ['id', 'budget_line_id', 'budget_group_id', 'funding_id', 'kind', 'label', 'amount_cents'], earmarks);
  await sink.copy('staff_line', ['id', 'programme_id', 'year', 'basis', 'position', 'job_code', 'job_title', 'quantity', 'unit', 'posts', 'printed', 'source', 'demo'], staff);
  for (const table of ['budget', 'budget_group', 'budget_line', 'funding', 'earmark', 'staff_line']) {
    await sink.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  Object.assign(counts, { budget: budgets.length, budget_group: groups.length, budget_line: lines.length, funding: fundings.length, earmark: earmarks.length, staff_line: staff.length });

  // Accounts (argon2id, as the API hashes them): an operator, the State's monitoring committee, a pilot.
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  const first = programmes[0];
  const users = [
    [USERS.operator, 'Opérateur (banc d’essai)', 'operator', first.operator],
    [USERS.committee, 'Comité de suivi national (banc d’essai)', 'monitoring_committee', 'bench-etat'],
    [USERS.pilot, 'Pilote départemental (banc d’essai)', 'pilot', `bench-cd-${first.dd}`],
  ];
  for (const [email, name, role, org] of users) {
    await sink.query(`INSERT INTO app_user (email, display_name, role, password_hash, organisation_id) VALUES ($1, $2, $3, $4, $5)`, [email, name, role, hash, orgId.get(org)]);
  }

  await sink.query('ANALYZE');
  const ms = Math.round(performance.now() - t0);
  log(`  jeu de données écrit en ${(ms / 1000).toFixed(1)} s`);
  const operatorProgrammes = programmes.filter((p) => p.operator === first.operator).map((p) => p.code);
  return {
    size,
    seed,
    generationMs: ms,
    counts,
    agreementCode: AGREEMENT_CODE,
    programmeCodes: programmes.map((p) => p.code),
    /** The measured programme: mean size, operated by the bench operator. */
    reference: { code: first.code, id: first.id, episodes: first.episodes },
    operatorProgrammes,
    users: USERS,
  };
}

function fundersOf(p, key) {
  return key === 'etat' ? 'bench-etat' : `bench-${key}-${p.dd}`;
}

/** Creates a fresh database `sdat_bench_<timestamp>` on the server of `serverUrl`; returns its URL. */
export async function createFreshDatabase(serverUrl, prefix = 'sdat_bench') {
  const name = `${prefix}_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const [{ version }] = (await admin.query('SHOW server_version')).rows.map((r) => ({ version: r.server_version }));
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), version };
}
