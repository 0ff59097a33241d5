import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComparisonResponse, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { CATALOGUE, computePacteParity, computeProgrammeIndicators, type IndicatorValue } from '@sdat/indicators';
import { DataSource } from 'typeorm';
import { indicatorsFor, viewerSees, type Viewer } from '../auth/viewer';
import { JsonValue } from '../common/json-value';
import { VersionedCache } from '../common/versioned-cache';
import { APP_CONFIG } from '../config/config.module';
import { PROGRAMME_REF_SQL, programmeRefOr404, type ProgrammeRef } from '../common/programme-ref';
import type { AppConfig } from '../config/env';
import { loadProgrammeYearInput } from './programme-year-inputs';
import { comparedFigures, processEngine, ProgrammeYearResults, type ProgrammeYearComputed, type StoredFigures } from './programme-year-results';
import { preparedQuery } from '../database/prepared-query';

type Basis = 'forecast' | 'actual';

/** Programmes of a comparison computed at once (a cold comparison; cached ones cost nothing). */
const COMPARISON_CONCURRENCY = 4;

/** `fn` over `items`, at most `limit` at a time, results in the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Computes the indicators of the catalogue from the database (aggregates in SQL, formulas in @sdat/indicators). */
@Injectable()
export class IndicatorsService {
  private readonly logger = new Logger('Indicateurs');
  /** Unmasked indicators of a programme-year (and its demo flag), by `id|year|basis`. */
  private readonly years: VersionedCache<ProgrammeYearComputed>;
  /** Several years masked together (comparisons, committee packs), by `id|years|basis|threshold`. */
  private readonly masked: VersionedCache<{ year: number; demo: boolean; indicators: IndicatorValue[] }[]>;
  /** Responses of the programme-year route with their JSON text, by `id|year|basis|masked or full`. */
  private readonly responses: VersionedCache<JsonValue<ProgrammeIndicatorsResponse>>;
  /** Comparisons with their JSON text, by agreement, years, basis, masking and programmes seen; version: every programme's. */
  private readonly comparisons = new VersionedCache<JsonValue<ComparisonResponse>>(8);
  /** One-year comparison cells (JSON text) by `id|year|basis|masked or full`: a comparison after one programme changed reuses the others. */
  private readonly cells: VersionedCache<string>;
  /** The same results kept in PostgreSQL (shared by processes running the same code), below the caches in memory. */
  private readonly results: ProgrammeYearResults;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.years = new VersionedCache(config.env.INDICATOR_CACHE_ENTRIES);
    this.masked = new VersionedCache(config.env.INDICATOR_CACHE_ENTRIES);
    this.responses = new VersionedCache(config.env.INDICATOR_CACHE_ENTRIES);
    this.cells = new VersionedCache(config.env.INDICATOR_CACHE_ENTRIES);
    this.results = new ProgrammeYearResults(ds, config.resultsEngine ?? processEngine());
  }

  catalogue() {
    return CATALOGUE;
  }

  /** Hits and misses of the caches since start (for the benchmark and the tests). */
  cacheStats() {
    const of = (cache: VersionedCache<unknown>) => ({ hits: cache.hits, misses: cache.misses, size: cache.size });
    return { years: of(this.years), masked: of(this.masked), responses: of(this.responses), cells: of(this.cells), comparisons: of(this.comparisons) };
  }

  /** True when any figure of the programme-year comes from generated demo data. */
  private async isDemo(programmeId: number, year: number, basis: Basis): Promise<boolean> {
    const [row] = await preparedQuery(
      this.ds,
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

  /**
   * Every indicator of a programme-year, unmasked (the operator's view). Cached under the data
   * version read with the programme: read before the data, so a write committed in between gives
   * a newer version next time (a miss), never a stale hit. Below the memory: the result stored in
   * PostgreSQL under the same version by this code; else computed, then stored. Cached values are
   * shared: nothing downstream mutates them (the suppression returns copies).
   */
  private computeYear(p: ProgrammeRef, year: number, basis: Basis): Promise<ProgrammeYearComputed> {
    return this.years.through(`${p.id}|${year}|${basis}`, p.version, async () => {
      const stored = await this.results.read(p, year, basis);
      if (stored) return stored;
      const [input, demo] = await Promise.all([loadProgrammeYearInput(this.ds.manager, p, year, basis), this.isDemo(p.id, year, basis)]);
      const computed = { demo, indicators: computeProgrammeIndicators(input) };
      // a result that cannot be stored is still the right result: the next process computes it again
      await this.results.write(p, year, basis, computed).catch((error: unknown) =>
        this.logger.warn(`Résultat de ${p.code} ${year} (${basis}) non stocké : ${error instanceof Error ? error.message : String(error)}`),
      );
      return computed;
    });
  }

  /**
   * Computes and stores (programme_year_result) every programme-year that has data — a budget,
   * funding, staff or monthly activity for that year and basis — and is not stored under its current
   * data version by this build: after a bulk load, or after deploying a new build, so that the first
   * comparison does not compute them all (command `compute-results`). `years`: only these years.
   */
  async storeResults(years: readonly number[] | null, progress?: (done: number, total: number) => void): Promise<{ programmeYears: number; computed: number; alreadyStored: number }> {
    const wanted: { id: number; year: number; basis: Basis }[] = await this.ds.query(
      `SELECT DISTINCT programme_id AS id, year, basis FROM (
         SELECT programme_id, year, basis FROM budget
         UNION SELECT programme_id, year, basis FROM funding
         UNION SELECT programme_id, year, basis FROM staff_line
         UNION SELECT programme_id, extract(year FROM month)::int, 'actual' FROM monthly_activity) d
        WHERE $1::int[] IS NULL OR year = ANY($1::int[])
        ORDER BY year DESC, basis, programme_id`,
      [years],
    );
    const refs = new Map<number, ProgrammeRef>((await this.ds.query(PROGRAMME_REF_SQL)).map((p: ProgrammeRef) => [p.id, p]));
    let computed = 0;
    let done = 0;
    await mapLimited(wanted, COMPARISON_CONCURRENCY, async ({ id, year, basis }) => {
      const programme = refs.get(id);
      if (programme && !(await this.results.isCurrent(programme, year, basis))) {
        await this.computeYear(programme, year, basis);
        computed += 1;
      }
      done += 1;
      progress?.(done, wanted.length);
    });
    return { programmeYears: wanted.length, computed, alreadyStored: wanted.length - computed };
  }

  /** Every indicator of a programme-year, as `viewer` may see it (small counts masked for non-operators). */
  async forProgrammeYear(code: string, year: number, basis: Basis, viewer: Viewer): Promise<ProgrammeIndicatorsResponse> {
    return (await this.forProgrammeYearJson(await programmeRefOr404(this.ds, code), year, basis, viewer)).value;
  }

  /**
   * The same with its JSON text, serialised once per data version (the route sends it as is), for a
   * programme read with its data version (by the AuthGuard, with the session).
   */
  async forProgrammeYearJson(p: ProgrammeRef, year: number, basis: Basis, viewer: Viewer): Promise<JsonValue<ProgrammeIndicatorsResponse>> {
    return this.responses.through(`${p.id}|${year}|${basis}|${viewer.masksSmallCounts ? 'masked' : 'full'}`, p.version, async () => {
      const [result] = await this.yearsOf(p, [year], basis, viewer);
      if (!result) throw new Error('une année demandée, une année calculée');
      return new JsonValue({ programme: { code: p.code, name: p.name }, year, basis, demo: result.demo, indicators: result.indicators });
    });
  }

  /**
   * Several years of a programme, masked together: a hidden count cannot be recovered from the next
   * year (present on 1 January = present on 31 December before).
   */
  async forProgrammeYears(code: string, years: number[], basis: Basis, viewer: Viewer): Promise<{ year: number; demo: boolean; indicators: IndicatorValue[] }[]> {
    return this.yearsOf(await programmeRefOr404(this.ds, code), years, basis, viewer);
  }

  private async yearsOf(programme: ProgrammeRef, years: number[], basis: Basis, viewer: Viewer): Promise<{ year: number; demo: boolean; indicators: IndicatorValue[] }[]> {
    const compute = async () => {
      const perYear = [];
      for (const year of years) perYear.push({ year, ...(await this.computeYear(programme, year, basis)) });
      const masked = indicatorsFor(viewer, perYear.flatMap((y) => y.indicators), programme.threshold);
      let offset = 0;
      return perYear.map((y) => {
        const indicators = masked.slice(offset, offset + y.indicators.length);
        offset += y.indicators.length;
        return { year: y.year, demo: y.demo, indicators };
      });
    };
    // the masked result depends on the viewer only through « masked or not »
    if (!viewer.masksSmallCounts) return compute();
    return this.masked.through(`${programme.id}|${years.join(',')}|${basis}|${programme.threshold}`, programme.version, compute);
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
    return (await this.comparisonJson(agreementCode, years, basis, viewer)).value;
  }

  /**
   * The same with its JSON text. Every programme of the agreement is read with its data version in
   * one statement; the whole answer is cached under the list of those versions (any write to one of
   * the programmes, or to the agreement, gives a new list: a miss). On a miss, a one-year comparison
   * takes each programme's cell from memory, else from the figures stored in PostgreSQL when they
   * are current (one statement for all), and computes the others; the answer is assembled from the
   * JSON texts as they are.
   */
  async comparisonJson(agreementCode: string, years: number[], basis: Basis, viewer: Viewer): Promise<JsonValue<ComparisonResponse>> {
    const [agreement] = await this.ds.query('SELECT id, code, title FROM agreement WHERE code = $1', [agreementCode]);
    if (!agreement) throw new NotFoundException(`Convention introuvable : « ${agreementCode} ».`);
    const rows: ProgrammeRef[] = (
      await this.ds.query(`${PROGRAMME_REF_SQL} WHERE p.agreement_id = $1 ORDER BY p.annex_number, p.code`, [agreement.id])
    ).filter((p: ProgrammeRef) => viewerSees(viewer, p.code));
    const key = [agreement.id, years.join(','), basis, viewer.masksSmallCounts ? 'masked' : 'full', agreement.title].join('|');
    const version = rows.map((p) => `${p.id}:${p.version}`).join(',');
    return this.comparisons.through(key, version, async () => {
      const [onlyYear] = years;
      const cell = (code: string, year: number, demo: boolean, figures: string) => `${JSON.stringify({ programmeCode: code, year, demo }).slice(0, -1)},"indicators":${figures}}`;
      const cellKey = (p: ProgrammeRef) => `${p.id}|${onlyYear}|${basis}|${viewer.masksSmallCounts ? 'masked' : 'full'}`;
      // one year: each programme's cell from memory, else from the stored figures (one statement for all), else computed
      const inMemory = new Map<number, string>();
      if (onlyYear !== undefined && years.length === 1) {
        for (const p of rows) {
          const text = this.cells.get(cellKey(p), p.version);
          if (text !== undefined) inMemory.set(p.id, text);
        }
      }
      const toRead = rows.filter((p) => !inMemory.has(p.id)).map((p) => p.id);
      const stored = onlyYear !== undefined && years.length === 1 && toRead.length > 0 ? await this.results.figuresOf(toRead, onlyYear, basis, viewer.masksSmallCounts) : new Map<number, StoredFigures>();
      // programmes neither in memory nor stored computed a few at a time (each runs its own reads in parallel on the pool)
      const perProgramme = await mapLimited(rows, COMPARISON_CONCURRENCY, async (p) => {
        const remembered = inMemory.get(p.id);
        if (remembered !== undefined) return [remembered];
        const current = stored.get(p.id);
        if (onlyYear !== undefined && current && current.version === p.version && current.threshold === p.threshold) {
          const text = cell(p.code, onlyYear, current.demo, current.figures);
          this.cells.set(cellKey(p), p.version, text);
          return [text];
        }
        const computed = await this.yearsOf(p, years, basis, viewer);
        const texts = computed.map((y) => cell(p.code, y.year, y.demo, JSON.stringify(comparedFigures(y.indicators))));
        if (years.length === 1 && texts[0] !== undefined) this.cells.set(cellKey(p), p.version, texts[0]);
        return texts;
      });
      const programmes = rows.map((p) => ({ code: p.code, name: p.name }));
      const head = JSON.stringify({ agreement: { code: agreement.code, title: agreement.title }, years, basis, programmes }).slice(0, -1);
      return JsonValue.fromText<ComparisonResponse>(`${head},"cells":[${perProgramme.flat().join(',')}]}`);
    });
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
