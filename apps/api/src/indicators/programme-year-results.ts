import { randomUUID } from 'node:crypto';
import type { ComparedIndicator } from '@sdat/api-types';
import { applySmallCountSuppression, type IndicatorValue } from '@sdat/indicators';
import type { DataSource } from 'typeorm';
import type { ProgrammeRef } from '../common/programme-ref';
import { preparedQuery } from '../database/prepared-query';

type Basis = 'forecast' | 'actual';

/** What is computed for a programme-year: every indicator, unmasked, and whether demo data went in. */
export interface ProgrammeYearComputed {
  demo: boolean;
  indicators: IndicatorValue[];
}

/** The figures and their computation in words, as a comparison shows them: breakdowns, details and provenance inputs stay on the programme-year route. */
export function comparedFigures(indicators: readonly IndicatorValue[]): ComparedIndicator[] {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the three are left out on purpose
  return indicators.map(({ breakdown: _b, details: _d, provenance: { inputs: _i, ...provenance }, ...figure }) => ({ ...figure, provenance }));
}

/** The comparison figures of a programme-year as stored (masked or not, as asked), a JSON text sent as it is. */
export interface StoredFigures {
  version: string;
  threshold: number;
  demo: boolean;
  figures: string;
}

/**
 * A code version for stored results when none is given: unique to the process, so that nothing
 * stored by other code is ever read (tests, command-line tools). The server gives the hash of its
 * bundle (main.ts), shared by every instance running the same build.
 */
export const processEngine = (): string => `process-${randomUUID()}`;

/**
 * The results of programme-years kept in PostgreSQL (table programme_year_result): read back when
 * their data version and the code that computed them (`engine`) are the current ones, so that a
 * new process, another API instance or a comparison of 1,000 programmes does not recompute what
 * has not changed (docs/performance.md § 2).
 */
export class ProgrammeYearResults {
  constructor(
    private readonly ds: DataSource,
    readonly engine: string,
  ) {}

  /** The stored result of one programme-year, when computed under `programme.version` by this engine. */
  async read(programme: ProgrammeRef, year: number, basis: Basis): Promise<ProgrammeYearComputed | null> {
    const [row] = await preparedQuery<{ demo: boolean; indicators: string }>(
      this.ds,
      `SELECT demo, indicators FROM programme_year_result
        WHERE programme_id = $1 AND year = $2 AND basis = $3 AND data_version = $4 AND engine = $5`,
      [programme.id, year, basis, programme.version, this.engine],
    );
    return row ? { demo: row.demo, indicators: JSON.parse(row.indicators) as IndicatorValue[] } : null;
  }

  /** True when the programme-year is stored under `programme.version` by this engine (without reading it). */
  async isCurrent(programme: ProgrammeRef, year: number, basis: Basis): Promise<boolean> {
    const rows = await preparedQuery(
      this.ds,
      `SELECT 1 FROM programme_year_result WHERE programme_id = $1 AND year = $2 AND basis = $3 AND data_version = $4 AND engine = $5`,
      [programme.id, year, basis, programme.version, this.engine],
    );
    return rows.length > 0;
  }

  /**
   * Stores a computed programme-year with its comparison figures, unmasked and masked alone at the
   * agreement's threshold. A row computed under a newer data version is never replaced by an older one.
   */
  async write(programme: ProgrammeRef, year: number, basis: Basis, computed: ProgrammeYearComputed): Promise<void> {
    const masked = applySmallCountSuppression(computed.indicators, { threshold: programme.threshold });
    await preparedQuery(
      this.ds,
      `INSERT INTO programme_year_result AS r
              (programme_id, year, basis, data_version, engine, threshold, demo, indicators, figures, figures_masked, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (programme_id, year, basis) DO UPDATE
          SET data_version = excluded.data_version, engine = excluded.engine, threshold = excluded.threshold, demo = excluded.demo,
              indicators = excluded.indicators, figures = excluded.figures, figures_masked = excluded.figures_masked, computed_at = now()
        WHERE r.data_version <= excluded.data_version`,
      [
        programme.id,
        year,
        basis,
        programme.version,
        this.engine,
        programme.threshold,
        computed.demo,
        JSON.stringify(computed.indicators),
        JSON.stringify(comparedFigures(computed.indicators)),
        JSON.stringify(comparedFigures(masked)),
      ],
    );
  }

  /**
   * The stored comparison figures of these programmes for one year, masked or not, by programme id
   * (this engine's only; the caller checks versions and thresholds). One column: 10 MB for 1,000 programmes.
   */
  async figuresOf(programmeIds: readonly number[], year: number, basis: Basis, masked: boolean): Promise<Map<number, StoredFigures>> {
    const rows = await preparedQuery<StoredFigures & { programmeId: number }>(
      this.ds,
      `SELECT programme_id AS "programmeId", data_version::text AS version, threshold, demo, ${masked ? 'figures_masked' : 'figures'} AS figures
         FROM programme_year_result
        WHERE programme_id = ANY($1::int[]) AND year = $2 AND basis = $3 AND engine = $4`,
      [programmeIds, year, basis, this.engine],
    );
    return new Map(rows.map(({ programmeId, ...figures }) => [programmeId, figures]));
  }
}
