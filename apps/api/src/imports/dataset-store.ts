import type { BudgetRow, DatasetKey, EpisodeRow, FundingRow, MonthlyActivityRow, StaffRow, TypedRowByDataset } from '@sdat/imports';
import { BUDGET_GROUPS } from '@sdat/imports';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';
import { copyFromStdin } from '../database/copy-from-stdin';
import { EPISODE_IMPORT_COLUMNS, type EpisodeBatch } from './episode-table';
import type { PhaseTimer } from './import-progress';

/**
 * How each imported dataset of a programme-year is written to, and read back from, the data tables.
 * An import REPLACES the dataset of the year (the previous version stays in import_version):
 * - budget: the actual budget of year N (budget, budget_group, budget_line);
 * - funding: the funding received in year N (funding basis 'actual', earmark);
 * - staff: the FTE by job of year N (staff_line basis 'actual');
 * - episodes: the support episodes ACTIVE during year N (entry ≤ 31/12/N and no exit before
 *   01/01/N); an episode spanning two years is in both files and the last import wins;
 * - monthly_activity: the 12 months of year N.
 */
export interface ProgrammeYear {
  programmeId: number;
  year: number;
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

async function writeBudget(em: EntityManager, { programmeId, year }: ProgrammeYear, rows: BudgetRow[]): Promise<void> {
  await em.query(`DELETE FROM budget WHERE programme_id = $1 AND year = $2 AND basis = 'actual'`, [programmeId, year]);
  const [budget] = await em.query(
    `INSERT INTO budget (programme_id, year, basis, printed_title, source, demo) VALUES ($1, $2, 'actual', $3, 'import', false) RETURNING id`,
    [programmeId, year, `Budget réalisé ${year} (import)`],
  );
  const groups = new Map<string, { side: string; label: string }>();
  for (const row of rows) if (!groups.has(row.groupCode)) groups.set(row.groupCode, { side: row.side, label: row.groupLabel });
  const order = BUDGET_GROUPS.map((g) => g.code);
  const groupRows = [...groups.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([code, g], position) => ({ budget_id: budget.id, group_code: code, side: g.side, label: g.label, position }));
  await bulkInsert(em, 'budget_group', ['budget_id', 'group_code', 'side', 'label', 'position'], groupRows);
  const funders = new Map<string, number>(
    (await em.query('SELECT code, id FROM organisation')).map((o: { code: string; id: number }) => [o.code, o.id]),
  );
  await bulkInsert(
    em,
    'budget_line',
    ['budget_id', 'group_code', 'side', 'account_code', 'label', 'amount_cents', 'funder_id', 'position'],
    rows.map((row, position) => ({
      budget_id: budget.id,
      group_code: row.groupCode,
      side: row.side,
      account_code: row.accountCode,
      label: row.label,
      amount_cents: row.amountCents,
      funder_id: row.funderCode ? (funders.get(row.funderCode) ?? null) : null,
      position,
    })),
  );
}

async function readBudget(em: EntityManager, { programmeId, year }: ProgrammeYear): Promise<BudgetRow[]> {
  const rows = await em.query(
    `SELECT l.side, l.group_code, g.label AS group_label, l.account_code, l.label, l.amount_cents, o.code AS funder_code
       FROM budget b JOIN budget_line l ON l.budget_id = b.id
       LEFT JOIN budget_group g ON g.budget_id = b.id AND g.group_code = l.group_code
       LEFT JOIN organisation o ON o.id = l.funder_id
      WHERE b.programme_id = $1 AND b.year = $2 AND b.basis = 'actual' AND l.amount_cents IS NOT NULL
      ORDER BY l.position`,
    [programmeId, year],
  );
  return rows.map((r: Record<string, unknown>) => ({
    side: r['side'] as BudgetRow['side'],
    groupCode: r['group_code'] as string,
    groupLabel: (r['group_label'] as string | null) ?? (r['group_code'] as string),
    accountCode: (r['account_code'] as string | null) ?? null,
    label: r['label'] as string,
    amountCents: Number(r['amount_cents']),
    funderCode: (r['funder_code'] as string | null) ?? null,
  }));
}

async function writeFunding(em: EntityManager, { programmeId, year }: ProgrammeYear, rows: FundingRow[]): Promise<void> {
  await em.query(`DELETE FROM funding WHERE programme_id = $1 AND year = $2 AND basis = 'actual'`, [programmeId, year]);
  const funders = new Map<string, number>(
    (await em.query('SELECT code, id FROM organisation')).map((o: { code: string; id: number }) => [o.code, o.id]),
  );
  const inserted = await bulkInsert(
    em,
    'funding',
    ['programme_id', 'year', 'funder_id', 'label', 'amount_cents', 'basis', 'funder_is_signatory', 'position', 'source', 'demo'],
    rows.map((row, position) => ({
      programme_id: programmeId,
      year,
      funder_id: funders.get(row.funderCode),
      label: row.label,
      amount_cents: row.amountCents,
      basis: 'actual',
      funder_is_signatory: row.funderIsSignatory,
      position,
      source: 'import',
      demo: false,
    })),
    { returning: 'id' },
  );
  const earmarks = rows.flatMap((row, index) =>
    row.earmark ? [{ funding_id: inserted[index]['id'], kind: row.earmark.kind, label: row.earmark.label, amount_cents: row.earmark.amountCents }] : [],
  );
  await bulkInsert(em, 'earmark', ['funding_id', 'kind', 'label', 'amount_cents'], earmarks);
}

async function readFunding(em: EntityManager, { programmeId, year }: ProgrammeYear): Promise<FundingRow[]> {
  const rows = await em.query(
    `SELECT o.code AS funder_code, f.label, f.amount_cents, f.funder_is_signatory, e.kind, e.label AS earmark_label, e.amount_cents AS earmark_cents
       FROM funding f JOIN organisation o ON o.id = f.funder_id
       LEFT JOIN LATERAL (SELECT kind, label, amount_cents FROM earmark WHERE funding_id = f.id ORDER BY id LIMIT 1) e ON true
      WHERE f.programme_id = $1 AND f.year = $2 AND f.basis = 'actual'
      ORDER BY f.position`,
    [programmeId, year],
  );
  return rows.map((r: Record<string, unknown>) => ({
    funderCode: r['funder_code'] as string,
    label: r['label'] as string,
    amountCents: Number(r['amount_cents']),
    funderIsSignatory: r['funder_is_signatory'] as boolean,
    earmark: r['kind'] ? { kind: r['kind'] as 'segur' | 'other', label: r['earmark_label'] as string, amountCents: Number(r['earmark_cents']) } : null,
  }));
}

async function writeStaff(em: EntityManager, { programmeId, year }: ProgrammeYear, rows: StaffRow[]): Promise<void> {
  await em.query(`DELETE FROM staff_line WHERE programme_id = $1 AND year = $2 AND basis = 'actual'`, [programmeId, year]);
  await bulkInsert(
    em,
    'staff_line',
    ['programme_id', 'year', 'basis', 'position', 'job_code', 'job_title', 'quantity', 'unit', 'posts', 'source', 'demo'],
    rows.map((row, position) => ({
      programme_id: programmeId,
      year,
      basis: 'actual',
      position,
      job_code: row.jobCode,
      job_title: row.jobTitle,
      quantity: row.fte,
      unit: 'fte',
      posts: row.posts,
      source: 'import',
      demo: false,
    })),
  );
}

async function readStaff(em: EntityManager, { programmeId, year }: ProgrammeYear): Promise<StaffRow[]> {
  const rows = await em.query(
    `SELECT job_code, job_title, quantity, posts FROM staff_line
      WHERE programme_id = $1 AND year = $2 AND basis = 'actual' AND unit = 'fte' AND quantity IS NOT NULL ORDER BY position`,
    [programmeId, year],
  );
  return rows.map((r: Record<string, unknown>) => ({
    jobCode: r['job_code'] as string,
    jobTitle: r['job_title'] as string,
    fte: Number(r['quantity']),
    posts: r['posts'] === null ? null : Number(r['posts']),
  }));
}

const EPISODE_CONFLICT = `ON CONFLICT (programme_id, participant_key, entry_date) DO UPDATE SET
  kind = EXCLUDED.kind, exit_date = EXCLUDED.exit_date, age_band = EXCLUDED.age_band, household_situation = EXCLUDED.household_situation,
  referrer = EXCLUDED.referrer, referral_decision = EXCLUDED.referral_decision, handover = EXCLUDED.handover,
  lease_transfer = EXCLUDED.lease_transfer, commune = EXCLUDED.commune, demo = false, version = support_episode.version + 1`;

const episodeColumnList = EPISODE_IMPORT_COLUMNS.map(([name]) => name).join(', ');

/**
 * The episodes of the year, replaced in bulk: one statement inserts them all.
 * - server: `COPY` of the prepared text into a temporary table (dropped at commit, gone with a
 *   rollback), then one `INSERT … SELECT`;
 * - embedded PGlite (its socket does not speak COPY): one `INSERT … SELECT … FROM unnest(…)` of
 *   eleven array parameters.
 * Either way one statement with `ON CONFLICT`: an episode outside year N with the same person and
 * entry date (imported with another year) is updated.
 */
async function writeEpisodes(em: EntityManager, { programmeId, year }: ProgrammeYear, batch: EpisodeBatch, timer?: PhaseTimer): Promise<void> {
  let source: string;
  let params: unknown[];
  if (batch.format === 'copy') {
    await em.query(`CREATE TEMP TABLE episode_import (${EPISODE_IMPORT_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')}) ON COMMIT DROP`);
    await copyFromStdin(em, `COPY episode_import (${episodeColumnList}) FROM STDIN`, batch.copyText);
    timer?.mark('copy');
    source = `SELECT $1::integer, ${episodeColumnList}, false FROM episode_import`;
    params = [programmeId];
  } else {
    source = `SELECT $1::integer, ${episodeColumnList}, false
      FROM unnest(${EPISODE_IMPORT_COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ')}) AS u(${episodeColumnList})`;
    params = [programmeId, ...batch.arrays];
  }
  // A new import of a year whose episodes were purged is authoritative again: drop its frozen aggregates.
  await em.query('DELETE FROM frozen_activity_input WHERE programme_id = $1 AND year = $2', [programmeId, year]);
  await em.query(
    `DELETE FROM support_episode WHERE programme_id = $1 AND entry_date <= $3::date AND (exit_date IS NULL OR exit_date >= $2::date)`,
    [programmeId, yearStart(year), yearEnd(year)],
  );
  timer?.mark('delete');
  if (batch.rowCount > 0) {
    await em.query(`INSERT INTO support_episode (programme_id, ${episodeColumnList}, demo) ${source} ${EPISODE_CONFLICT}`, params);
  }
  timer?.mark('insert');
}

async function readEpisodes(em: EntityManager, { programmeId, year }: ProgrammeYear): Promise<EpisodeRow[]> {
  const rows = await em.query(
    `SELECT participant_key, kind, entry_date::text, exit_date::text, age_band, household_situation, referrer, referral_decision, handover, lease_transfer, commune
       FROM support_episode
      WHERE programme_id = $1 AND entry_date <= $3::date AND (exit_date IS NULL OR exit_date >= $2::date)
      ORDER BY entry_date, participant_key`,
    [programmeId, yearStart(year), yearEnd(year)],
  );
  return rows.map((r: Record<string, unknown>) => ({
    participantKey: r['participant_key'] as string,
    kind: r['kind'] as EpisodeRow['kind'],
    entryDate: r['entry_date'] as string,
    exitDate: (r['exit_date'] as string | null) ?? null,
    ageBand: (r['age_band'] as string | null) ?? null,
    householdSituation: (r['household_situation'] as string | null) ?? null,
    referrer: (r['referrer'] as string | null) ?? null,
    referralDecision: (r['referral_decision'] as string | null) ?? null,
    handover: (r['handover'] as string | null) ?? null,
    leaseTransfer: r['lease_transfer'] as boolean,
    commune: (r['commune'] as string | null) ?? null,
  }));
}

async function writeMonthly(em: EntityManager, { programmeId, year }: ProgrammeYear, rows: MonthlyActivityRow[]): Promise<void> {
  await em.query(`DELETE FROM monthly_activity WHERE programme_id = $1 AND month BETWEEN $2::date AND $3::date`, [programmeId, yearStart(year), yearEnd(year)]);
  await bulkInsert(
    em,
    'monthly_activity',
    ['programme_id', 'month', 'opening_days', 'attendance_visits', 'attendance_distinct_people', 'outreach_contacts', 'outreach_distinct_people', 'waiting_list_end', 'demo'],
    rows.map((row) => ({
      programme_id: programmeId,
      month: row.month,
      opening_days: row.openingDays,
      attendance_visits: row.attendanceVisits,
      attendance_distinct_people: row.attendanceDistinctPeople,
      outreach_contacts: row.outreachContacts,
      outreach_distinct_people: row.outreachDistinctPeople,
      waiting_list_end: row.waitingListEnd,
      demo: false,
    })),
  );
}

async function readMonthly(em: EntityManager, { programmeId, year }: ProgrammeYear): Promise<MonthlyActivityRow[]> {
  const rows = await em.query(
    `SELECT month::text, opening_days, attendance_visits, attendance_distinct_people, outreach_contacts, outreach_distinct_people, waiting_list_end
       FROM monthly_activity WHERE programme_id = $1 AND month BETWEEN $2::date AND $3::date ORDER BY month`,
    [programmeId, yearStart(year), yearEnd(year)],
  );
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r: Record<string, unknown>) => ({
    month: r['month'] as string,
    openingDays: n(r['opening_days']),
    attendanceVisits: n(r['attendance_visits']),
    attendanceDistinctPeople: n(r['attendance_distinct_people']),
    outreachContacts: n(r['outreach_contacts']),
    outreachDistinctPeople: n(r['outreach_distinct_people']),
    waitingListEnd: n(r['waiting_list_end']),
  }));
}

/** What a dataset's writer takes: the valid rows, or for the episodes the batch prepared off the event loop (episode-table.ts). */
export type WriteInput<D extends DatasetKey> = D extends 'episodes' ? EpisodeBatch : TypedRowByDataset[D][];
type Writer<D extends DatasetKey> = (em: EntityManager, at: ProgrammeYear, input: WriteInput<D>, timer?: PhaseTimer) => Promise<void>;
type Reader<D extends DatasetKey> = (em: EntityManager, at: ProgrammeYear) => Promise<TypedRowByDataset[D][]>;

export const DATASET_STORE: { [D in DatasetKey]: { write: Writer<D>; read: Reader<D> } } = {
  budget: { write: writeBudget, read: readBudget },
  funding: { write: writeFunding, read: readFunding },
  staff: { write: writeStaff, read: readStaff },
  episodes: { write: writeEpisodes, read: readEpisodes },
  monthly_activity: { write: writeMonthly, read: readMonthly },
};
