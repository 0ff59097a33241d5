// The floor: the core figures of a programme-year computed by ONE hand-written SQL statement, run
// through psql with \timing (server round trip only: no process start, no connection in the time).
import { execFileSync } from 'node:child_process';

/** Core figures of programme :'code', year :y, basis 'actual' — the same definitions as the API. */
export const FLOOR_SQL = `
WITH p AS (SELECT id FROM programme WHERE code = :'code'),
ep AS (
  SELECT count(*) FILTER (WHERE entry_date BETWEEN :'s'::date AND :'e'::date) AS entries,
         count(*) FILTER (WHERE exit_date BETWEEN :'s'::date AND :'e'::date) AS exits,
         count(*) FILTER (WHERE entry_date < :'s'::date AND (exit_date IS NULL OR exit_date >= :'s'::date)) AS present_at_start,
         count(*) FILTER (WHERE entry_date <= :'e'::date AND (exit_date IS NULL OR exit_date > :'e'::date)) AS present_at_end,
         count(DISTINCT participant_key) FILTER (WHERE entry_date <= :'e'::date AND (exit_date IS NULL OR exit_date >= :'s'::date)) AS distinct_participants,
         avg(exit_date - entry_date) FILTER (WHERE exit_date BETWEEN :'s'::date AND :'e'::date) AS avg_duration_days,
         avg(:'e'::date - entry_date) FILTER (WHERE entry_date <= :'e'::date AND (exit_date IS NULL OR exit_date > :'e'::date)) AS seniority_days
    FROM support_episode WHERE programme_id = (SELECT id FROM p)),
bud AS (
  SELECT sum(l.amount_cents) FILTER (WHERE l.side = 'expenses') AS expenses_cents,
         sum(l.amount_cents) FILTER (WHERE l.side = 'expenses' AND l.account_code ~ '^(631|633|64)') AS payroll_cents,
         sum(l.amount_cents) FILTER (WHERE l.side = 'expenses' AND l.account_code ~ '^6557') AS head_office_cents
    FROM budget b JOIN budget_line l ON l.budget_id = b.id
   WHERE b.programme_id = (SELECT id FROM p) AND b.year = :y AND b.basis = 'actual'),
fund AS (SELECT sum(amount_cents) AS funding_cents FROM funding WHERE programme_id = (SELECT id FROM p) AND year = :y AND basis = 'actual'),
staff AS (SELECT sum(quantity) AS fte FROM staff_line WHERE programme_id = (SELECT id FROM p) AND year = :y AND basis = 'actual' AND unit = 'fte'),
wl AS (SELECT waiting_list_end FROM monthly_activity WHERE programme_id = (SELECT id FROM p) AND month BETWEEN :'s'::date AND :'e'::date
        AND waiting_list_end IS NOT NULL ORDER BY month DESC LIMIT 1)
SELECT ep.entries, ep.exits, ep.present_at_start + ep.entries AS active_caseload, ep.distinct_participants,
       round(ep.avg_duration_days, 6) AS avg_duration_days, round(ep.seniority_days, 6) AS seniority_of_present_days,
       bud.payroll_cents AS payroll, bud.expenses_cents, round(bud.head_office_cents::numeric / (bud.expenses_cents - bud.head_office_cents), 8) AS head_office_ratio,
       round(bud.payroll_cents::numeric / bud.expenses_cents, 8) AS payroll_ratio,
       fund.funding_cents AS funding_by_funder, staff.fte AS fte_total, (SELECT waiting_list_end FROM wl) AS waiting_list
  FROM ep, bud, fund, staff;
`;

/** The same figures for EVERY programme of an agreement in one set-based statement (what a batched comparison could cost). */
export const COMPARISON_FLOOR_SQL = `
WITH p AS (SELECT p.id FROM programme p JOIN agreement a ON a.id = p.agreement_id WHERE a.code = :'agreement'),
ep AS (
  SELECT programme_id,
         count(*) FILTER (WHERE entry_date BETWEEN :'s'::date AND :'e'::date) AS entries,
         count(*) FILTER (WHERE exit_date BETWEEN :'s'::date AND :'e'::date) AS exits,
         count(*) FILTER (WHERE entry_date < :'s'::date AND (exit_date IS NULL OR exit_date >= :'s'::date)) AS present_at_start,
         count(DISTINCT participant_key) FILTER (WHERE entry_date <= :'e'::date AND (exit_date IS NULL OR exit_date >= :'s'::date)) AS distinct_participants,
         avg(exit_date - entry_date) FILTER (WHERE exit_date BETWEEN :'s'::date AND :'e'::date) AS avg_duration_days
    FROM support_episode WHERE programme_id IN (SELECT id FROM p) AND entry_date <= :'e'::date AND (exit_date IS NULL OR exit_date >= :'s'::date)
   GROUP BY programme_id),
bud AS (
  SELECT b.programme_id, sum(l.amount_cents) FILTER (WHERE l.side = 'expenses') AS expenses_cents,
         sum(l.amount_cents) FILTER (WHERE l.side = 'expenses' AND l.account_code ~ '^(631|633|64)') AS payroll_cents
    FROM budget b JOIN budget_line l ON l.budget_id = b.id
   WHERE b.programme_id IN (SELECT id FROM p) AND b.year = :y AND b.basis = 'actual' GROUP BY b.programme_id),
fund AS (SELECT programme_id, sum(amount_cents) AS funding_cents FROM funding WHERE programme_id IN (SELECT id FROM p) AND year = :y AND basis = 'actual' GROUP BY programme_id)
SELECT count(*) AS programmes, sum(entries) AS entries FROM ep JOIN bud USING (programme_id) JOIN fund USING (programme_id);
`;

/**
 * Runs `sql` warmup+runs times in ONE psql session with \timing on; returns the per-run times
 * (ms, as psql prints them) and the last result row (unaligned, `|`-separated, with header).
 */
export function psqlTimed(url, sql, vars, { warmup = 3, runs = 15 } = {}) {
  const script = ['\\timing on', ...Array.from({ length: warmup + runs }, () => sql.trim())].join('\n');
  const args = ['-X', '-A', '-F', '|', '-P', 'footer=off', '-v', 'ON_ERROR_STOP=1', ...Object.entries(vars).flatMap(([k, v]) => ['-v', `${k}=${v}`]), '-d', url, '-f', '-'];
  const out = execFileSync('psql', args, { input: script, maxBuffer: 64 * 1024 * 1024 }).toString();
  const times = [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
  const lines = out.split('\n').filter((l) => l && !l.startsWith('Time:') && !l.startsWith('Timing is'));
  const header = lines[0].split('|');
  const values = lines[lines.length - 1].split('|');
  const row = Object.fromEntries(header.map((h, i) => [h, values[i] === '' ? null : values[i]]));
  return { times: times.slice(warmup), row };
}
