import { generateDemoData, type DemoProfile, type DemoProgrammeInput } from '@sdat/demo-data';
import type { DataSource, EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';

/** Seed and span of the demo dataset: same seed → the same data on every machine and database. */
export const DEMO_SEED = 2022;
export const DEMO_YEARS = [2020, 2021, 2022, 2023];
export const DEMO_AS_OF = '2023-12-31';

/** How each programme of the convention cadre works, for the simulation. */
const PROFILES: Record<string, DemoProfile> = {
  'acor-centre-ville': 'day_centre_outreach',
  'acor-dijon-metropole': 'housing_support',
  emas: 'mobile_mental_health',
};

/** Co-evaluations last « 3 mois maximum » (annexe 3). */
const CO_EVALUATION_MAX_DAYS = 90;

/** Builds the generator's input from what the database holds of the 2022 forecast (the documents). */
async function demoInputs(em: EntityManager): Promise<{ inputs: DemoProgrammeInput[]; ids: Map<string, number> }> {
  const programmes: { id: number; code: string }[] = await em.query('SELECT id, code FROM programme ORDER BY id');
  const ids = new Map(programmes.map((p) => [p.code, p.id]));
  const inputs: DemoProgrammeInput[] = [];
  for (const p of programmes) {
    const profile = PROFILES[p.code];
    if (!profile) continue;
    const targets: { code: string; value: string }[] = await em.query('SELECT code, value FROM capacity_target WHERE programme_id = $1', [p.id]);
    const target = (code: string) => {
      const t = targets.find((x) => x.code === code);
      return t ? Number(t.value) : undefined;
    };
    const lines = await em.query(
      `SELECT l.group_code AS "groupCode", l.side, l.account_code AS "accountCode", l.label, l.amount_cents AS "amountCents",
              o.code AS "funderCode",
              (SELECT sum(e.amount_cents) FROM earmark e WHERE e.budget_line_id = l.id AND e.kind = 'segur') AS "segurCents"
         FROM budget b JOIN budget_line l ON l.budget_id = b.id LEFT JOIN organisation o ON o.id = l.funder_id
        WHERE b.programme_id = $1 AND b.year = 2022 AND b.basis = 'forecast' ORDER BY l.position`,
      [p.id],
    );
    const funding = await em.query(
      `SELECT f.id, o.code AS "funderCode", f.label, f.amount_cents AS "amountCents", f.funder_is_signatory AS "funderIsSignatory"
         FROM funding f JOIN organisation o ON o.id = f.funder_id
        WHERE f.programme_id = $1 AND f.year = 2022 AND f.basis = 'forecast' ORDER BY f.position`,
      [p.id],
    );
    const earmarks = funding.length
      ? await em.query('SELECT funding_id, kind, label, amount_cents FROM earmark WHERE funding_id = ANY($1) ORDER BY id', [funding.map((f: { id: number }) => f.id)])
      : [];
    const staff = await em.query(
      `SELECT job_code AS "jobCode", job_title AS "jobTitle", quantity, unit FROM staff_line
        WHERE programme_id = $1 AND year = 2022 AND basis = 'forecast' ORDER BY position`,
      [p.id],
    );
    inputs.push({
      programmeCode: p.code,
      profile,
      capacity: {
        ...(target('active_caseload') !== undefined ? { activeCaseload: target('active_caseload') } : {}),
        ...(target('follow_ups_per_year') !== undefined ? { followUpsPerYear: target('follow_ups_per_year') } : {}),
        ...(target('follow_ups_chenove') !== undefined ? { ofWhichChenove: target('follow_ups_chenove') } : {}),
        ...(target('co_evaluations') !== undefined ? { coEvaluations: target('co_evaluations'), coEvaluationMaxDays: CO_EVALUATION_MAX_DAYS } : {}),
      },
      forecast2022: lines.map((l: Record<string, unknown>) => ({
        groupCode: l['groupCode'] as string,
        side: l['side'] as 'expenses' | 'income',
        accountCode: l['accountCode'] as string | null,
        label: l['label'] as string,
        amountCents: l['amountCents'] === null ? null : Number(l['amountCents']),
        funderCode: (l['funderCode'] as string | null) ?? null,
        ...(l['segurCents'] !== null ? { segurCents: Number(l['segurCents']) } : {}),
      })),
      funding2022: funding.map((f: Record<string, unknown>) => ({
        funderCode: f['funderCode'] as string,
        label: f['label'] as string,
        amountCents: Number(f['amountCents']),
        funderIsSignatory: Boolean(f['funderIsSignatory']),
        earmarks: earmarks
          .filter((e: { funding_id: number }) => e.funding_id === f['id'])
          .map((e: { kind: string; label: string; amount_cents: string }) => ({ kind: e.kind, label: e.label, amountCents: Number(e.amount_cents) })),
      })),
      staff2022: staff.map((s: Record<string, unknown>) => ({
        jobCode: s['jobCode'] as string,
        jobTitle: s['jobTitle'] as string,
        quantity: s['quantity'] === null ? null : Number(s['quantity']),
        unit: s['unit'] as 'fte' | 'posts' | 'other',
      })),
    });
  }
  return { inputs, ids };
}

/**
 * Loads the generated demo activity (support episodes, referrals, monthly activity) and actual
 * budgets, funding, staff, social-life fund and operating results for 2020-2023, flagged demo,
 * in ONE transaction, once (skipped when demo data is already there). Never touches document rows.
 */
export async function loadDemoData(dataSource: DataSource): Promise<{ loaded: boolean; episodes: number }> {
  return dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock(424243)');
    const [existing] = await em.query(`SELECT EXISTS (SELECT 1 FROM budget WHERE demo) AS present`);
    if (existing?.present) return { loaded: false, episodes: 0 };
    const { inputs, ids } = await demoInputs(em);
    const data = generateDemoData(inputs, { seed: DEMO_SEED, years: DEMO_YEARS, asOf: DEMO_AS_OF });
    const pid = (code: string) => {
      const id = ids.get(code);
      if (id === undefined) throw new Error(`Dispositif inconnu : ${code}`);
      return id;
    };
    const orgIds = new Map<string, number>(
      (await em.query('SELECT id, code FROM organisation')).map((o: { id: number; code: string }) => [o.code, o.id]),
    );

    await bulkInsert(
      em,
      'support_episode',
      ['programme_id', 'participant_key', 'kind', 'entry_date', 'exit_date', 'age_band', 'household_situation', 'referrer', 'referral_decision', 'handover', 'lease_transfer', 'commune', 'demo'],
      data.episodes.map((e) => ({
        programme_id: pid(e.programmeCode),
        participant_key: e.participantKey,
        kind: e.kind,
        entry_date: e.entryDate,
        exit_date: e.exitDate,
        age_band: e.ageBand,
        household_situation: e.householdSituation,
        referrer: e.referrer,
        referral_decision: e.referralDecision,
        handover: e.handover,
        lease_transfer: e.leaseTransfer,
        commune: e.commune,
        demo: true,
      })),
    );
    await bulkInsert(
      em,
      'referral',
      ['programme_id', 'participant_key', 'decision_date', 'referrer', 'via_siao', 'decision', 'demo'],
      data.referrals.map((r) => ({
        programme_id: pid(r.programmeCode),
        participant_key: r.participantKey,
        decision_date: r.decisionDate,
        referrer: r.referrer,
        via_siao: r.viaSiao,
        decision: r.decision,
        demo: true,
      })),
    );
    await bulkInsert(
      em,
      'monthly_activity',
      ['programme_id', 'month', 'opening_days', 'attendance_visits', 'attendance_distinct_people', 'outreach_contacts', 'outreach_distinct_people', 'waiting_list_end', 'demo'],
      data.monthlyActivity.map((m) => ({
        programme_id: pid(m.programmeCode),
        month: m.month,
        opening_days: m.openingDays,
        attendance_visits: m.attendanceVisits,
        attendance_distinct_people: m.attendanceDistinctPeople,
        outreach_contacts: m.outreachContacts,
        outreach_distinct_people: m.outreachDistinctPeople,
        waiting_list_end: m.waitingListEnd,
        demo: true,
      })),
    );

    for (const b of data.budgets) {
      const [budget] = await em.query(
        `INSERT INTO budget (programme_id, year, basis, printed_title, source, demo) VALUES ($1, $2, 'actual', NULL, 'demo', true) RETURNING id`,
        [pid(b.programmeCode), b.year],
      );
      // Groups as in the 2022 forecast of the same programme (labels as printed there).
      await em.query(
        `INSERT INTO budget_group (budget_id, group_code, side, label, printed_subtotal_cents, position, notes)
         SELECT $1, g.group_code, g.side, g.label, NULL, g.position, '{}'
           FROM budget_group g JOIN budget f ON f.id = g.budget_id
          WHERE f.programme_id = $2 AND f.year = 2022 AND f.basis = 'forecast'`,
        [budget.id, pid(b.programmeCode)],
      );
      const inserted = await bulkInsert(
        em,
        'budget_line',
        ['budget_id', 'group_code', 'side', 'account_code', 'label', 'amount_cents', 'printed_amount', 'funder_id', 'group_without_detail', 'position'],
        b.lines.map((l, i) => ({
          budget_id: budget.id,
          group_code: l.groupCode,
          side: l.side,
          account_code: l.accountCode,
          label: l.label,
          amount_cents: l.amountCents,
          printed_amount: null,
          funder_id: l.funderCode ? (orgIds.get(l.funderCode) ?? null) : null,
          group_without_detail: l.accountCode === null && l.side === 'expenses',
          position: i + 1,
        })),
        { returning: 'id' },
      );
      await bulkInsert(
        em,
        'earmark',
        ['budget_line_id', 'kind', 'label', 'amount_cents'],
        b.lines.flatMap((l, i) =>
          l.segurCents ? [{ budget_line_id: inserted[i]?.['id'], kind: 'segur', label: 'dont primes Ségur', amount_cents: l.segurCents }] : [],
        ),
      );
    }

    for (const [i, f] of data.fundings.entries()) {
      const funderId = orgIds.get(f.funderCode);
      if (funderId === undefined) throw new Error(`Financeur inconnu : ${f.funderCode}`);
      const [row] = await em.query(
        `INSERT INTO funding (programme_id, year, basis, funder_id, label, amount_cents, funder_is_signatory, position, printed, breakdown, source, demo)
         VALUES ($1, $2, 'actual', $3, $4, $5, $6, $7, NULL, NULL, 'demo', true) RETURNING id`,
        [pid(f.programmeCode), f.year, funderId, f.label, f.amountCents, f.funderIsSignatory, i + 1],
      );
      await bulkInsert(
        em,
        'earmark',
        ['funding_id', 'kind', 'label', 'amount_cents'],
        f.earmarks.map((e) => ({ funding_id: row.id, kind: e.kind, label: e.label, amount_cents: e.amountCents })),
      );
    }

    await bulkInsert(
      em,
      'staff_line',
      ['programme_id', 'year', 'basis', 'position', 'job_code', 'job_title', 'quantity', 'unit', 'printed', 'source', 'demo'],
      data.staff.map((s, i) => ({
        programme_id: pid(s.programmeCode),
        year: s.year,
        basis: 'actual',
        position: i + 1,
        job_code: s.jobCode,
        job_title: s.jobTitle,
        quantity: s.quantity,
        unit: s.unit,
        printed: null,
        source: 'demo',
        demo: true,
      })),
    );
    await bulkInsert(
      em,
      'social_life_fund',
      ['programme_id', 'year', 'basis', 'envelope_cents', 'used_cents', 'carried_over_cents', 'source', 'demo'],
      data.socialLifeFunds.map((s) => ({
        programme_id: pid(s.programmeCode),
        year: s.year,
        basis: 'actual',
        envelope_cents: s.envelopeCents,
        used_cents: s.usedCents,
        carried_over_cents: s.carriedOverCents,
        source: 'demo',
        demo: true,
      })),
    );
    await bulkInsert(
      em,
      'operating_result',
      ['programme_id', 'year', 'result_cents', 'allocation', 'allocation_validated', 'source', 'demo'],
      data.operatingResults.map((r) => ({
        programme_id: pid(r.programmeCode),
        year: r.year,
        result_cents: r.resultCents,
        allocation: r.allocation,
        allocation_validated: false,
        source: 'demo',
        demo: true,
      })),
    );
    return { loaded: true, episodes: data.episodes.length };
  });
}
