import type { ComparisonResponse, IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { computeMedianDurationDays } from '@sdat/indicators';
import { format, lastDayOfMonth } from 'date-fns';
import { DataSource } from 'typeorm';
import { loadDemoData } from '../src/demo/demo-loader';
import { signInOperator, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Result indicators on the generated demo activity (flagged « données de démonstration »): each value
 * the API returns is checked against hand-written SQL on the same database.
 */
describe('indicators on the demo activity data (actual basis)', () => {
  let t: TestApp;
  let http: SignedIn;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    http = await signInOperator(t);
    ds = t.app.get(DataSource);
  });
  afterAll(async () => t?.close());

  const indicators = async (code: string, year: number): Promise<ProgrammeIndicatorsResponse> =>
    (await http.get(`/api/programmes/${code}/indicators?year=${year}&basis=actual`).expect(200)).body;
  const pick = (r: ProgrammeIndicatorsResponse, code: string): IndicatorValue => {
    const v = r.indicators.find((i) => i.code === code);
    if (!v) throw new Error(`${code} absent`);
    return v;
  };
  const sql = async (query: string, params: unknown[]) => (await ds.query(query, params))[0];

  it('loads the demo data once, flagged demo, without touching the documents', async () => {
    expect((await loadDemoData(ds)).loaded).toBe(false);
    const row = await sql(`SELECT count(*) FILTER (WHERE demo)::int AS demo, count(*) FILTER (WHERE NOT demo)::int AS real FROM support_episode`, []);
    expect(row.demo).toBeGreaterThan(500);
    expect(row.real).toBe(0);
    const docs = await sql(`SELECT count(*)::int AS n FROM budget WHERE source = 'document' AND demo`, []);
    expect(docs.n).toBe(0);
    const r = await indicators('emas', 2022);
    expect(r.demo).toBe(true);
  });

  it.each(['acor-centre-ville', 'acor-dijon-metropole', 'emas'])('%s 2022: entries, exits and active caseload equal hand-written SQL', async (code) => {
    const r = await indicators(code, 2022);
    const expected = await sql(
      `SELECT count(*) FILTER (WHERE e.entry_date BETWEEN '2022-01-01' AND '2022-12-31')::int AS entries,
              count(*) FILTER (WHERE e.exit_date BETWEEN '2022-01-01' AND '2022-12-31')::int AS exits,
              count(*) FILTER (WHERE e.entry_date < '2022-01-01' AND (e.exit_date IS NULL OR e.exit_date >= '2022-01-01'))::int AS present
         FROM support_episode e JOIN programme p ON p.id = e.programme_id WHERE p.code = $1`,
      [code],
    );
    expect(pick(r, 'entries').value).toBe(expected.entries);
    expect(pick(r, 'exits').value).toBe(expected.exits);
    expect(pick(r, 'active_caseload').value).toBe(expected.present + expected.entries);
  });

  it.each(['acor-centre-ville', 'acor-dijon-metropole', 'emas'])('%s 2022: entries, exits and caseload of each month equal hand-written SQL, month by month', async (code) => {
    const monthly = pick(await indicators(code, 2022), 'monthly_caseload');
    expect(monthly.flags).toEqual([]);
    const item = (month: string, measure: string) => monthly.details?.find((d) => d.key === `${month}:${measure}`)?.value;
    for (let m = 1; m <= 12; m += 1) {
      const month = `2022-${String(m).padStart(2, '0')}`;
      const first = `${month}-01`;
      const last = format(lastDayOfMonth(new Date(2022, m - 1, 1)), 'yyyy-MM-dd');
      const expected = await sql(
        `SELECT count(*) FILTER (WHERE e.entry_date BETWEEN $2::date AND $3::date)::int AS entries,
                count(*) FILTER (WHERE e.exit_date BETWEEN $2::date AND $3::date)::int AS exits,
                count(*) FILTER (WHERE e.entry_date <= $3::date AND (e.exit_date IS NULL OR e.exit_date > $3::date))::int AS open
           FROM support_episode e JOIN programme p ON p.id = e.programme_id WHERE p.code = $1`,
        [code, first, last],
      );
      expect([month, item(month, 'entries'), item(month, 'exits'), item(month, 'at_end')]).toEqual([month, expected.entries, expected.exits, expected.open]);
    }
    // the year's figures are the months' (December's month-end is the caseload on 31 December)
    expect(monthly.value).toBe(pick(await indicators(code, 2022), 'active_caseload').details?.find((d) => d.key === 'at_end')?.value);
  });

  it('the waiting list of each month end is the monthly activity imported for that month', async () => {
    const code = 'acor-dijon-metropole';
    const waiting = pick(await indicators(code, 2022), 'waiting_list');
    const rows: { month: string; n: number }[] = await ds.query(
      `SELECT to_char(a.month, 'YYYY-MM') AS month, a.waiting_list_end AS n FROM monthly_activity a JOIN programme p ON p.id = a.programme_id
        WHERE p.code = $1 AND a.month BETWEEN '2022-01-01' AND '2022-12-01' AND a.waiting_list_end IS NOT NULL ORDER BY a.month`,
      [code],
    );
    expect(rows.length).toBeGreaterThan(0);
    const months = (waiting.details ?? []).filter((d) => d.key.startsWith('month:'));
    expect(months.map((d) => [d.attributes?.['month'], d.value])).toEqual(rows.map((r) => [r.month, r.n]));
    expect(waiting.value).toBe(rows[rows.length - 1]?.n);
  });

  it('average duration of the episodes closed in 2022 equals AVG(exit − entry) in SQL', async () => {
    const r = await indicators('acor-dijon-metropole', 2022);
    const expected = await sql(
      `SELECT avg(e.exit_date - e.entry_date)::float8 AS avg FROM support_episode e JOIN programme p ON p.id = e.programme_id
        WHERE p.code = 'acor-dijon-metropole' AND e.exit_date BETWEEN '2022-01-01' AND '2022-12-31'`,
      [],
    );
    expect(pick(r, 'avg_duration_days').value).toBeCloseTo(expected.avg, 9);
  });

  it('median duration uses the open episodes as censored (Kaplan–Meier), from the raw rows', async () => {
    const r = await indicators('emas', 2022);
    const rows: { d: number; closed: boolean }[] = await ds.query(
      `SELECT (coalesce(CASE WHEN e.exit_date <= '2022-12-31' THEN e.exit_date END, '2022-12-31'::date) - e.entry_date)::int AS d,
              (e.exit_date IS NOT NULL AND e.exit_date <= '2022-12-31') AS closed
         FROM support_episode e JOIN programme p ON p.id = e.programme_id
        WHERE p.code = 'emas' AND e.entry_date <= '2022-12-31'
          AND ((e.exit_date BETWEEN '2022-01-01' AND '2022-12-31') OR e.exit_date IS NULL OR e.exit_date > '2022-12-31')`,
    );
    const table = new Map<number, { events: number; censored: number }>();
    for (const x of rows) {
      const cell = table.get(x.d) ?? { events: 0, censored: 0 };
      if (x.closed) cell.events++;
      else cell.censored++;
      table.set(x.d, cell);
    }
    const survival = [...table.entries()].sort((a, b) => a[0] - b[0]).map(([durationDays, c]) => ({ durationDays, ...c }));
    const expected = computeMedianDurationDays({
      programmeCode: 'emas',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      survival,
    });
    expect(pick(r, 'median_duration_days').value).toBe(expected.value);
    expect(expected.value).not.toBeNull();
  });

  it('ACOR Dijon Métropole 2022: follow-ups against the 220 target, of which Chenôve against 60', async () => {
    const r = await indicators('acor-dijon-metropole', 2022);
    const v = pick(r, 'target_completion');
    const chenove = await sql(
      `SELECT count(*)::int AS n FROM support_episode e JOIN programme p ON p.id = e.programme_id
        WHERE p.code = 'acor-dijon-metropole' AND e.commune = 'Chenôve'
          AND e.entry_date <= '2022-12-31' AND (e.exit_date IS NULL OR e.exit_date >= '2022-01-01')`,
      [],
    );
    const text = JSON.stringify(v);
    expect(text).toContain('220');
    expect(text).toContain(`"value":${chenove.n}`);
  });

  it('payroll growth over 2020, 2021, 2022 uses the actual budgets of each year', async () => {
    const r = await indicators('acor-centre-ville', 2022);
    const payrolls: { year: number; cents: string }[] = await ds.query(
      `SELECT b.year, sum(l.amount_cents) AS cents FROM budget b JOIN budget_line l ON l.budget_id = b.id JOIN programme p ON p.id = b.programme_id
        WHERE p.code = 'acor-centre-ville' AND b.basis = 'actual' AND l.group_code = '63/64' GROUP BY b.year ORDER BY b.year`,
    );
    const byYear = new Map(payrolls.map((p) => [p.year, Number(p.cents)]));
    const v = pick(r, 'payroll_growth');
    const n = byYear.get(2022) as number;
    const n1 = byYear.get(2021) as number;
    expect(v.value).toBeCloseTo((n - n1) / n1, 12);
  });

  it('compares the programmes of the convention cadre over several years', async () => {
    const body: ComparisonResponse = (await http.get('/api/comparisons?agreement=convention-cadre-sdat-2022&years=2021,2022&basis=actual').expect(200)).body;
    expect(body.programmes.map((p) => p.code)).toEqual(['acor-centre-ville', 'acor-dijon-metropole', 'emas']);
    expect(body.cells.map((c) => `${c.programmeCode}:${c.year}`)).toEqual([
      'acor-centre-ville:2021',
      'acor-centre-ville:2022',
      'acor-dijon-metropole:2021',
      'acor-dijon-metropole:2022',
      'emas:2021',
      'emas:2022',
    ]);
    const direct = await indicators('emas', 2021);
    const cell = body.cells.find((c) => c.programmeCode === 'emas' && c.year === 2021);
    // the same figures as the programme-year route, without breakdowns, details and provenance inputs
    const lean = direct.indicators.map(({ breakdown: _b, details: _d, provenance: { inputs: _i, ...provenance }, ...figure }) => ({ ...figure, provenance }));
    expect(cell?.indicators).toEqual(lean);
    expect(cell?.indicators.some((i) => 'details' in i || 'breakdown' in i || 'inputs' in i.provenance)).toBe(false);
    await http.get('/api/comparisons?agreement=convention-cadre-sdat-2022&years=20x1').expect(400);
    await http.get('/api/comparisons?agreement=inconnue&years=2022').expect(404);
  });
});
