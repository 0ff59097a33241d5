import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComparisonResponse, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { CATALOGUE, computePacteParity, computeProgrammeIndicators, type IndicatorValue } from '@sdat/indicators';
import { DataSource } from 'typeorm';
import { indicatorsFor, viewerSees, type Viewer } from '../auth/viewer';
import { loadProgrammeYearInput } from './programme-year-inputs';

type Basis = 'forecast' | 'actual';

/** Computes the indicators of the catalogue from the database (aggregates in SQL, formulas in @sdat/indicators). */
@Injectable()
export class IndicatorsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  catalogue() {
    return CATALOGUE;
  }

  private async programme(code: string): Promise<{ id: number; code: string; name: string; threshold: number }> {
    const rows = await this.ds.query(
      `SELECT p.id, p.code, p.name, a.small_count_threshold AS threshold
         FROM programme p JOIN agreement a ON a.id = p.agreement_id WHERE p.code = $1`,
      [code],
    );
    if (!rows[0]) throw new NotFoundException(`Dispositif introuvable : « ${code} ».`);
    return rows[0];
  }

  /** True when any figure of the programme-year comes from generated demo data. */
  private async isDemo(programmeId: number, year: number, basis: Basis): Promise<boolean> {
    const [row] = await this.ds.query(
      `SELECT (EXISTS (SELECT 1 FROM budget WHERE programme_id = $1 AND year BETWEEN $2::int - 2 AND $2::int AND demo)
            OR EXISTS (SELECT 1 FROM funding WHERE programme_id = $1 AND year = $2::int AND basis = $3::text AND demo)
            OR EXISTS (SELECT 1 FROM staff_line WHERE programme_id = $1 AND year = $2::int AND basis = $3::text AND demo)
            OR ($3::text = 'actual' AND EXISTS (SELECT 1 FROM support_episode WHERE programme_id = $1 AND demo
                   AND entry_date <= make_date($2::int, 12, 31) AND (exit_date IS NULL OR exit_date >= make_date($2::int, 1, 1))))
            OR ($3::text = 'actual' AND EXISTS (SELECT 1 FROM monthly_activity WHERE programme_id = $1 AND demo
                   AND month BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31)))) AS demo`,
      [programmeId, year, basis],
    );
    return Boolean(row?.demo);
  }

  /** Every indicator of a programme-year, unmasked (the operator's view). */
  private async computeYear(p: { id: number; code: string; name: string }, year: number, basis: Basis): Promise<{ demo: boolean; indicators: IndicatorValue[] }> {
    const [input, demo] = await Promise.all([loadProgrammeYearInput(this.ds.manager, p, year, basis), this.isDemo(p.id, year, basis)]);
    return { demo, indicators: computeProgrammeIndicators(input) };
  }

  /** Every indicator of a programme-year, as `viewer` may see it (small counts masked for non-operators). */
  async forProgrammeYear(code: string, year: number, basis: Basis, viewer: Viewer): Promise<ProgrammeIndicatorsResponse> {
    const p = await this.programme(code);
    const { demo, indicators } = await this.computeYear(p, year, basis);
    return { programme: { code: p.code, name: p.name }, year, basis, demo, indicators: indicatorsFor(viewer, indicators, p.threshold) };
  }

  /**
   * Several years of a programme, masked together: a hidden count cannot be recovered from the next
   * year (present on 1 January = present on 31 December before).
   */
  async forProgrammeYears(code: string, years: number[], basis: Basis, viewer: Viewer): Promise<{ year: number; demo: boolean; indicators: IndicatorValue[] }[]> {
    const programme = await this.programme(code);
    const perYear = [];
    for (const year of years) perYear.push({ year, ...(await this.computeYear(programme, year, basis)) });
    const masked = indicatorsFor(viewer, perYear.flatMap((y) => y.indicators), programme.threshold);
    let offset = 0;
    return perYear.map((y) => {
      const indicators = masked.slice(offset, offset + y.indicators.length);
      offset += y.indicators.length;
      return { year: y.year, demo: y.demo, indicators };
    });
  }

  async one(code: string, indicator: string, year: number, basis: Basis, viewer: Viewer): Promise<IndicatorValue> {
    if (!CATALOGUE.some((d) => d.code === indicator)) throw new NotFoundException(`Indicateur inconnu : « ${indicator} ».`);
    const all = await this.forProgrammeYear(code, year, basis, viewer);
    const found = all.indicators.find((i) => i.code === indicator);
    if (!found) throw new NotFoundException(`L'indicateur « ${indicator} » ne s'applique pas au dispositif « ${code} ».`);
    return found;
  }

  /** The programmes of an agreement that `viewer` sees × years × indicators, for the préfet's comité de suivi. */
  async comparison(agreementCode: string, years: number[], basis: Basis, viewer: Viewer): Promise<ComparisonResponse> {
    const [agreement] = await this.ds.query('SELECT id, code, title FROM agreement WHERE code = $1', [agreementCode]);
    if (!agreement) throw new NotFoundException(`Convention introuvable : « ${agreementCode} ».`);
    const programmes: { code: string; name: string }[] = (
      await this.ds.query('SELECT code, name FROM programme WHERE agreement_id = $1 ORDER BY annex_number, code', [agreement.id])
    ).filter((p: { code: string }) => viewerSees(viewer, p.code));
    const cells: ComparisonResponse['cells'] = [];
    for (const p of programmes) {
      for (const y of await this.forProgrammeYears(p.code, years, basis, viewer)) {
        cells.push({ programmeCode: p.code, year: y.year, demo: y.demo, indicators: y.indicators });
      }
    }
    return { agreement: { code: agreement.code, title: agreement.title }, years, basis, programmes, cells };
  }

  /**
   * Checks that apply to an agreement as a whole (not to one programme): today the Pacte's parity
   * rule (Métropole ≥ État, per action and in total), from the amounts stored for its actions.
   */
  async agreementChecks(agreementCode: string): Promise<{ agreement: { code: string; title: string }; checks: IndicatorValue[] }> {
    const [agreement] = await this.ds.query('SELECT id, code, title, start_date FROM agreement WHERE code = $1', [agreementCode]);
    if (!agreement) throw new NotFoundException(`Convention introuvable : « ${agreementCode} ».`);
    const actions: { number: string; title: string; state: string | null; metropole: string | null }[] = await this.ds.query(
      `SELECT number, title, state_amount_cents AS state, metropole_amount_cents AS metropole
         FROM agreement_action WHERE agreement_id = $1 ORDER BY id`,
      [agreement.id],
    );
    const funded = actions.filter((a) => a.state !== null && a.metropole !== null);
    const checks: IndicatorValue[] = [];
    if (funded.length) {
      const year = Number(String(agreement.start_date).slice(0, 4));
      checks.push(
        computePacteParity({
          year,
          actions: funded.map((a) => ({ code: a.number, label: `${a.number} ${a.title}`, stateCents: Number(a.state), metropoleCents: Number(a.metropole) })),
        }),
      );
    }
    return { agreement: { code: agreement.code, title: agreement.title }, checks };
  }
}
