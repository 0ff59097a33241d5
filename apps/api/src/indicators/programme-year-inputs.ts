import {
  AGE_BANDS,
  HANDOVERS,
  HOUSEHOLD_SITUATIONS,
  NO_HANDOVER_CODES,
  REFERRERS,
  labelOf,
  type CodeListItem,
} from '@sdat/reference-data';
import type {
  BudgetInput,
  CategoryCount,
  DistributionInput,
  EpisodeAggregates,
  FundingInput,
  ProgrammeTarget,
  ProgrammeYearInput,
  ReferralDecision,
  StaffInput,
} from '@sdat/indicators';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

type Basis = 'forecast' | 'actual';
type Code = ProgrammeYearInput['programmeCode'];

/** Territories of the territorial targets, by the commune stored on each episode. */
const TERRITORIES = [{ territoryCode: 'chenove', label: 'Chenôve', commune: 'Chenôve' }];

/**
 * How a capacity target written in an annex is measured (which aggregate it is compared with).
 * Keyed by the capacity target codes of the reference data.
 */
const TARGET_MEASURES: Record<string, { measure: ProgrammeTarget['measure']; territoryCode?: string }> = {
  follow_ups_per_year: { measure: 'period_caseload' },
  follow_ups_chenove: { measure: 'period_caseload', territoryCode: 'chenove' },
  active_caseload: { measure: 'caseload_at_end' },
};

const int = (v: unknown): number => Number(v ?? 0);

/**
 * Reads everything one programme-year needs from PostgreSQL, as AGGREGATES (COUNT, SUM, GROUP BY
 * in SQL; never the episode rows into Node), in the input shape of the pure indicator library.
 */
export async function loadProgrammeYearInput(
  em: EntityManager,
  programme: { id: number; code: string },
  year: number,
  basis: Basis,
): Promise<ProgrammeYearInput> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const code = programme.code as Code;
  const pid = programme.id;

  const [budgets, funding, staff, targets, capacity, episodes] = await Promise.all([
    loadBudgets(em, pid, code, year),
    loadFunding(em, pid, code, year, basis),
    loadStaff(em, pid, code, year, basis),
    loadTargets(em, pid, code),
    preparedQuery(em, `SELECT value::float8 AS value FROM capacity_target WHERE programme_id = $1 AND code = 'active_caseload'`, [pid]),
    episodeAggregates(em, pid, code, start, end),
  ]);

  const input: ProgrammeYearInput = { programmeCode: code, year, basis, targets };
  const current = budgets.find((b) => b.year === year && b.basis === basis);
  if (current) input.budget = current;
  input.previousBudgets = budgets.filter((b) => b.year < year);
  if (funding) input.funding = funding;
  if (staff) input.staff = staff;
  if (capacity[0]) input.capacity = { places: Number(capacity[0].value) };

  // Activity data describes what happened: it feeds the actual basis only. A year whose episodes
  // were purged (retention) is read from the aggregates frozen just before the purge.
  if (basis === 'actual') {
    const [frozen] = await preparedQuery(em, 'SELECT inputs FROM frozen_activity_input WHERE programme_id = $1 AND year = $2', [pid, year]);
    if (frozen) {
      const { episodes: frozenEpisodes, ...episodeActivity } = frozen.inputs as Partial<ProgrammeYearInput>;
      if (frozenEpisodes) input.episodes = frozenEpisodes;
      Object.assign(input, await activityInputs(em, pid, code, start, end), episodeActivity);
    } else if (episodes) {
      input.episodes = episodes;
      Object.assign(input, await activityInputs(em, pid, code, start, end));
    }
  }
  return input;
}

async function loadBudgets(em: EntityManager, pid: number, code: Code, upToYear: number): Promise<BudgetInput[]> {
  const rows: { year: number; basis: Basis; group_code: string; side: 'expenses' | 'income'; account_code: string | null; label: string; amount_cents: string; printed_expenses: string | null; printed_income: string | null }[] =
    await preparedQuery(em, 
      `SELECT b.year, b.basis, l.group_code, l.side, l.account_code, l.label, l.amount_cents,
              b.printed_total_expenses_cents AS printed_expenses, b.printed_total_income_cents AS printed_income
         FROM budget b JOIN budget_line l ON l.budget_id = b.id
        WHERE b.programme_id = $1 AND b.year <= $2 AND l.amount_cents IS NOT NULL
        ORDER BY b.year, b.basis, l.position`,
      [pid, upToYear],
    );
  const byKey = new Map<string, BudgetInput>();
  for (const r of rows) {
    const key = `${r.year}|${r.basis}`;
    let b = byKey.get(key);
    if (!b) {
      b = { programmeCode: code, year: r.year, basis: r.basis, lines: [] };
      const declared: NonNullable<BudgetInput['declaredTotals']> = {};
      if (r.printed_expenses !== null) declared.expensesCents = Number(r.printed_expenses);
      if (r.printed_income !== null) declared.incomeCents = Number(r.printed_income);
      if (Object.keys(declared).length) b.declaredTotals = declared;
      byKey.set(key, b);
    }
    b.lines.push({ accountCode: r.account_code, groupCode: r.group_code, side: r.side, label: r.label, amountCents: Number(r.amount_cents) });
  }
  return [...byKey.values()];
}

async function loadFunding(em: EntityManager, pid: number, code: Code, year: number, basis: Basis): Promise<FundingInput | null> {
  const rows: { id: number; funder_code: string; funder_name: string; is_signatory: boolean; amount_cents: string }[] = await preparedQuery(em, 
    `SELECT f.id, o.code AS funder_code, o.name AS funder_name, f.funder_is_signatory AS is_signatory, f.amount_cents
       FROM funding f JOIN organisation o ON o.id = f.funder_id
      WHERE f.programme_id = $1 AND f.year = $2 AND f.basis = $3
      ORDER BY f.position`,
    [pid, year, basis],
  );
  if (!rows.length) return null;
  const earmarks: { funding_id: number; kind: string; label: string; amount_cents: string }[] = await preparedQuery(em, 
    `SELECT funding_id, kind, label, amount_cents FROM earmark WHERE funding_id = ANY($1) ORDER BY id`,
    [rows.map((r) => r.id)],
  );
  return {
    programmeCode: code,
    year,
    basis,
    funders: rows.map((r) => ({
      funderCode: r.funder_code,
      funderName: r.funder_name,
      isSignatory: r.is_signatory,
      amountCents: Number(r.amount_cents),
      earmarked: earmarks
        .filter((e) => e.funding_id === r.id)
        .map((e) => ({ kind: e.kind, label: e.label, amountCents: Number(e.amount_cents) })),
    })),
  };
}

async function loadStaff(em: EntityManager, pid: number, code: Code, year: number, basis: Basis): Promise<StaffInput | null> {
  const rows: { job_code: string; job_title: string; quantity: string | null; unit: string }[] = await preparedQuery(em, 
    `SELECT job_code, job_title, quantity, unit FROM staff_line WHERE programme_id = $1 AND year = $2 AND basis = $3 ORDER BY position`,
    [pid, year, basis],
  );
  if (!rows.length) return null;
  return {
    programmeCode: code,
    year,
    basis,
    lines: rows.map((r) => {
      const q = r.quantity === null ? null : Number(r.quantity);
      if (r.unit === 'fte') return { jobCode: r.job_code, jobTitle: r.job_title, fte: q, unit: 'fte' as const };
      if (r.unit === 'posts') return { jobCode: r.job_code, jobTitle: r.job_title, fte: null, unit: 'posts' as const, ...(q === null ? {} : { posts: q }) };
      return { jobCode: r.job_code, jobTitle: r.job_title, fte: null, unit: 'unspecified' as const };
    }),
  };
}

async function loadTargets(em: EntityManager, pid: number, code: Code): Promise<ProgrammeTarget[]> {
  const rows: { code: string; label: string; value: string; source_text: string | null; annex: number | null; agreement_title: string }[] = await preparedQuery(em, 
    `SELECT t.code, t.label, t.value, t.source_text, p.annex_number AS annex, a.title AS agreement_title
       FROM capacity_target t JOIN programme p ON p.id = t.programme_id JOIN agreement a ON a.id = p.agreement_id
      WHERE t.programme_id = $1 ORDER BY t.id`,
    [pid],
  );
  return rows
    .filter((r) => TARGET_MEASURES[r.code])
    .map((r) => {
      const m = TARGET_MEASURES[r.code] as (typeof TARGET_MEASURES)[string];
      return {
        programmeCode: code,
        key: r.code,
        label: r.label,
        value: Number(r.value),
        measure: m.measure,
        ...(m.territoryCode ? { territoryCode: m.territoryCode } : {}),
        sourceRef: { document: r.agreement_title, location: `Annexe ${r.annex ?? '?'} – Modalités de fonctionnement`, quote: r.source_text ?? r.label },
      } satisfies ProgrammeTarget;
    });
}

/** Flows, stocks and duration histograms of the support episodes over [start, end], computed in SQL. */
async function episodeAggregates(
  em: EntityManager,
  pid: number,
  code: Code,
  start: string,
  end: string,
): Promise<EpisodeAggregates | null> {
  const [flows] = await preparedQuery(em, 
    `SELECT count(*) FILTER (WHERE entry_date < $2 AND (exit_date IS NULL OR exit_date >= $2))::int AS present_at_start,
            count(*) FILTER (WHERE entry_date BETWEEN $2 AND $3)::int AS entries,
            count(*) FILTER (WHERE exit_date BETWEEN $2 AND $3)::int AS exits,
            count(*) FILTER (WHERE entry_date <= $3 AND (exit_date IS NULL OR exit_date > $3))::int AS present_at_end,
            count(DISTINCT participant_key) FILTER (WHERE entry_date <= $3 AND (exit_date IS NULL OR exit_date >= $2))::int AS distinct_participants,
            coalesce(sum((LEAST(coalesce(exit_date, $3::date), $3::date) - GREATEST(entry_date, $2::date) + 1))
              FILTER (WHERE entry_date <= $3 AND (exit_date IS NULL OR exit_date >= $2)), 0)::float8 AS participant_days,
            count(*)::int AS total
       FROM support_episode WHERE programme_id = $1`,
    [pid, start, end],
  );
  if (!flows || int(flows.total) === 0) return null;
  const [closed, open, territories, months] = await Promise.all([
    preparedQuery(em, 
      `SELECT (exit_date - entry_date)::int AS d, count(*)::int AS n FROM support_episode
        WHERE programme_id = $1 AND exit_date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`,
      [pid, start, end],
    ),
    preparedQuery(em, 
      `SELECT ($2::date - entry_date)::int AS d, count(*)::int AS n FROM support_episode
        WHERE programme_id = $1 AND entry_date <= $2 AND (exit_date IS NULL OR exit_date > $2) GROUP BY 1 ORDER BY 1`,
      [pid, end],
    ),
    preparedQuery(em, 
      `SELECT commune,
              count(*) FILTER (WHERE entry_date < $2 AND (exit_date IS NULL OR exit_date >= $2))::int AS present_at_start,
              count(*) FILTER (WHERE entry_date BETWEEN $2 AND $3)::int AS entries,
              count(*) FILTER (WHERE exit_date BETWEEN $2 AND $3)::int AS exits,
              count(*) FILTER (WHERE entry_date <= $3 AND (exit_date IS NULL OR exit_date > $3))::int AS present_at_end
         FROM support_episode WHERE programme_id = $1 AND commune = ANY($4) GROUP BY commune`,
      [pid, start, end, TERRITORIES.map((t) => t.commune)],
    ),
    // one row per month of the period, even without any episode (a month with no flow is 0, not missing)
    preparedQuery(em, 
      `SELECT to_char(m.start, 'YYYY-MM') AS month,
              count(e.id) FILTER (WHERE e.entry_date >= m.start)::int AS entries,
              count(e.id) FILTER (WHERE e.exit_date <= m.end)::int AS exits,
              count(e.id) FILTER (WHERE e.exit_date IS NULL OR e.exit_date > m.end)::int AS present_at_end
         FROM (SELECT d::date AS start, (d + interval '1 month' - interval '1 day')::date AS end
                 FROM generate_series($2::date, $3::date, interval '1 month') AS d) m
         LEFT JOIN support_episode e
           ON e.programme_id = $1 AND e.entry_date <= m.end AND (e.exit_date IS NULL OR e.exit_date >= m.start)
        GROUP BY m.start ORDER BY m.start`,
      [pid, start, end],
    ),
  ]);
  const aggregates: EpisodeAggregates = {
    programmeCode: code,
    periodStart: start,
    periodEnd: end,
    presentAtStart: int(flows.present_at_start),
    entries: int(flows.entries),
    exits: int(flows.exits),
    presentAtEnd: int(flows.present_at_end),
    distinctParticipants: int(flows.distinct_participants),
    participantDays: int(flows.participant_days),
    closedDurations: closed.map((r: { d: number; n: number }) => ({ durationDays: int(r.d), count: int(r.n) })),
    openSeniority: open.map((r: { d: number; n: number }) => ({ durationDays: int(r.d), count: int(r.n) })),
    byTerritory: TERRITORIES.map((t) => {
      const r = territories.find((x: { commune: string }) => x.commune === t.commune) ?? {};
      return {
        territoryCode: t.territoryCode,
        label: t.label,
        presentAtStart: int(r.present_at_start),
        entries: int(r.entries),
        exits: int(r.exits),
        presentAtEnd: int(r.present_at_end),
      };
    }),
    byMonth: months.map((r: { month: string; entries: number; exits: number; present_at_end: number }) => ({
      month: r.month,
      entries: int(r.entries),
      exits: int(r.exits),
      presentAtEnd: int(r.present_at_end),
    })),
  };
  return aggregates;
}

const distribution = (code: Code, start: string, end: string, list: readonly CodeListItem[], rows: { k: string | null; n: number }[]): DistributionInput => ({
  programmeCode: code,
  periodStart: start,
  periodEnd: end,
  items: rows.map((r): CategoryCount => ({ key: r.k ?? 'non_renseigne', label: labelOf(list, r.k), count: int(r.n) })),
});

/**
 * Exits per hand-over. The library reads the key 'none' as « sans relais »: the end of a follow-up
 * without a service taking over and « perdu de vue » are counted together under it.
 */
function handoverItems(rows: { k: string | null; n: number }[]): CategoryCount[] {
  const items: CategoryCount[] = [];
  let none = 0;
  for (const r of rows) {
    if (r.k === null || NO_HANDOVER_CODES.includes(r.k)) none += int(r.n);
    else items.push({ key: r.k, label: labelOf(HANDOVERS, r.k), count: int(r.n) });
  }
  if (none > 0) items.push({ key: 'none', label: 'Sans relais ou perdu de vue', count: none });
  return items;
}

/** Profiles, referrers, hand-overs, CCA decisions, waiting list, day-centre attendance and outreach. */
async function activityInputs(em: EntityManager, pid: number, code: Code, start: string, end: string): Promise<Partial<ProgrammeYearInput>> {
  const active = `programme_id = $1 AND entry_date <= $3 AND (exit_date IS NULL OR exit_date >= $2)`;
  const q = (sql: string) => preparedQuery(em, sql, [pid, start, end]);
  const [ages, situations, referrers, handovers, leases, decisions, refusals, monthly, waiting] = await Promise.all([
    q(`SELECT age_band AS k, count(*)::int AS n FROM support_episode WHERE ${active} GROUP BY 1 ORDER BY 1`),
    q(`SELECT household_situation AS k, count(*)::int AS n FROM support_episode WHERE ${active} GROUP BY 1 ORDER BY 1`),
    q(`SELECT referrer AS k, count(*)::int AS n FROM support_episode WHERE programme_id = $1 AND entry_date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`),
    q(`SELECT handover AS k, count(*)::int AS n FROM support_episode WHERE programme_id = $1 AND exit_date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`),
    q(`SELECT count(*)::int AS n FROM support_episode WHERE programme_id = $1 AND exit_date BETWEEN $2 AND $3 AND lease_transfer`),
    q(`SELECT decision AS k, count(*)::int AS n FROM referral WHERE programme_id = $1 AND decision_date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`),
    q(`SELECT referrer AS k, count(*)::int AS n FROM referral WHERE programme_id = $1 AND decision_date BETWEEN $2 AND $3 AND decision = 'rejection' GROUP BY 1 ORDER BY 1`),
    q(`SELECT count(*)::int AS months, sum(opening_days)::int AS opening_days, sum(attendance_visits)::int AS visits,
              sum(attendance_distinct_people)::int AS distinct_people, sum(outreach_contacts)::int AS contacts,
              sum(outreach_distinct_people)::int AS outreach_people,
              count(attendance_visits)::int AS attendance_months, count(outreach_contacts)::int AS outreach_months
         FROM monthly_activity WHERE programme_id = $1 AND month BETWEEN $2 AND $3`),
    q(`SELECT to_char(month, 'YYYY-MM') AS month, waiting_list_end AS n FROM monthly_activity
        WHERE programme_id = $1 AND month BETWEEN $2 AND $3 AND waiting_list_end IS NOT NULL ORDER BY month`),
  ]);
  const out: Partial<ProgrammeYearInput> = {
    profileAge: distribution(code, start, end, AGE_BANDS, ages),
    profileSituation: distribution(code, start, end, HOUSEHOLD_SITUATIONS, situations),
    referrers: distribution(code, start, end, REFERRERS, referrers),
    handovers: { programmeCode: code, periodStart: start, periodEnd: end, items: handoverItems(handovers) },
    leaseTransfers: { programmeCode: code, periodStart: start, periodEnd: end, count: int(leases[0]?.n) },
  };
  if (decisions.length) {
    out.referralDecisions = {
      programmeCode: code,
      periodStart: start,
      periodEnd: end,
      counts: decisions.map((r: { k: string; n: number }) => ({ decision: r.k as ReferralDecision, count: int(r.n) })),
    };
    out.refusals = distribution(code, start, end, REFERRERS, refusals);
  }
  const exitsWithHandover = handovers.filter((r: { k: string | null }) => r.k && !NO_HANDOVER_CODES.includes(r.k));
  out.referralOutcomes = {
    programmeCode: code,
    periodStart: start,
    periodEnd: end,
    referralsProposed: exitsWithHandover.reduce((a: number, r: { n: number }) => a + int(r.n), 0),
    toSiao: int(exitsWithHandover.find((r: { k: string }) => r.k === 'siao')?.n),
  };
  const m = monthly[0];
  if (m && int(m.attendance_months) > 0) {
    out.attendance = { programmeCode: code, periodStart: start, periodEnd: end, visits: int(m.visits), distinctPeople: int(m.distinct_people), openingDays: int(m.opening_days) };
  }
  if (m && int(m.outreach_months) > 0) {
    out.outreach = { programmeCode: code, periodStart: start, periodEnd: end, contacts: int(m.contacts), distinctPeople: int(m.outreach_people) };
  }
  const lastWaiting = waiting[waiting.length - 1];
  if (lastWaiting) {
    out.waitingList = {
      programmeCode: code,
      periodStart: start,
      periodEnd: end,
      atPeriodEnd: int(lastWaiting.n),
      byMonth: waiting.map((r: { month: string; n: number }) => ({ month: r.month, count: int(r.n) })),
    };
  }
  return out;
}


/** Keys of ProgrammeYearInput that come from episode-level rows (the rest comes from monthly counts). */
const EPISODE_ACTIVITY_KEYS = ['profileAge', 'profileSituation', 'referrers', 'handovers', 'leaseTransfers', 'referralDecisions', 'refusals', 'referralOutcomes'] as const;

/**
 * The episode-derived inputs of a programme-year, to freeze before a purge: the aggregates and the
 * activity inputs read from support_episode and referral (not monthly_activity, which is kept).
 */
export async function episodeInputsToFreeze(em: EntityManager, programme: { id: number; code: string }, year: number): Promise<Record<string, unknown> | null> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const episodes = await episodeAggregates(em, programme.id, programme.code as Code, start, end);
  if (!episodes) return null;
  const activity = (await activityInputs(em, programme.id, programme.code as Code, start, end)) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(activity).filter(([key]) => (EPISODE_ACTIVITY_KEYS as readonly string[]).includes(key)));
  return { episodes, ...kept };
}
