import { format, subMonths } from 'date-fns';
import type { DataSource } from 'typeorm';
import { episodeInputsToFreeze } from '../indicators/programme-year-inputs';

export interface PurgeReport {
  cutoff: string;
  dryRun: boolean;
  /** Programme-years whose episode aggregates were frozen before the purge. */
  frozenYears: { programmeCode: string; year: number; episodes: number }[];
  episodesPurged: number;
  referralsPurged: number;
  importVersionsEmptied: number;
}

/**
 * Retention (CNIL reference for the social sector: 2 years after the last contact): removes the
 * episode-level rows whose last contact (exit date) is older than `months`, and the referrals
 * decided before that date. First, in the same transaction, every programme-year those rows were
 * active in has its episode-derived aggregates frozen (frozen_activity_input), so that year's
 * indicators, and the N-2 trends, are unchanged by the purge. Episodes still open are never purged.
 * Stored import versions of those years lose their rows (their hash and counts stay).
 */
export async function purgeEpisodes(ds: DataSource, options: { months: number; today?: Date; dryRun?: boolean }): Promise<PurgeReport> {
  const cutoff = format(subMonths(options.today ?? new Date(), options.months), 'yyyy-MM-dd');
  return ds.transaction(async (em) => {
    const years: { id: number; code: string; year: number }[] = await em.query(
      `SELECT DISTINCT p.id, p.code, y.year
         FROM support_episode e JOIN programme p ON p.id = e.programme_id
         CROSS JOIN LATERAL generate_series(extract(year FROM e.entry_date)::int, extract(year FROM e.exit_date)::int) AS y(year)
        WHERE e.exit_date IS NOT NULL AND e.exit_date < $1::date
          AND NOT EXISTS (SELECT 1 FROM frozen_activity_input f WHERE f.programme_id = p.id AND f.year = y.year)
        ORDER BY p.code, y.year`,
      [cutoff],
    );
    const frozenYears: PurgeReport['frozenYears'] = [];
    for (const y of years) {
      const inputs = await episodeInputsToFreeze(em, { id: y.id, code: y.code }, y.year);
      if (!inputs) continue;
      const [{ n }] = await em.query(
        `SELECT count(*)::int AS n FROM support_episode WHERE programme_id = $1 AND entry_date <= make_date($2, 12, 31) AND (exit_date IS NULL OR exit_date >= make_date($2, 1, 1))`,
        [y.id, y.year],
      );
      if (!options.dryRun) {
        await em.query(`INSERT INTO frozen_activity_input (programme_id, year, inputs, episode_rows) VALUES ($1, $2, $3, $4)`, [y.id, y.year, JSON.stringify(inputs), n]);
      }
      frozenYears.push({ programmeCode: y.code, year: y.year, episodes: n });
    }
    const count = async (sql: string) => Number((await em.query(sql, [cutoff]))[0].n);
    const episodesPurged = await count(`SELECT count(*) AS n FROM support_episode WHERE exit_date IS NOT NULL AND exit_date < $1::date`);
    const referralsPurged = await count(`SELECT count(*) AS n FROM referral WHERE decision_date < $1::date`);
    const importVersionsEmptied = await count(
      `SELECT count(*) AS n FROM import_version WHERE dataset = 'episodes' AND make_date(year, 12, 31) < $1::date AND rows_gzip IS NOT NULL`,
    );
    if (!options.dryRun) {
      await em.query(`DELETE FROM support_episode WHERE exit_date IS NOT NULL AND exit_date < $1::date`, [cutoff]);
      await em.query(`DELETE FROM referral WHERE decision_date < $1::date`, [cutoff]);
      await em.query(`UPDATE import_version SET rows_gzip = NULL WHERE dataset = 'episodes' AND make_date(year, 12, 31) < $1::date AND rows_gzip IS NOT NULL`, [cutoff]);
      await em.query(
        `INSERT INTO audit_log (action, object_type, details) VALUES ('retention_purge', 'support_episode', $1)`,
        [JSON.stringify({ cutoff, frozenYears: frozenYears.length, episodesPurged, referralsPurged, importVersionsEmptied })],
      );
    }
    return { cutoff, dryRun: Boolean(options.dryRun), frozenYears, episodesPurged, referralsPurged, importVersionsEmptied };
  });
}
