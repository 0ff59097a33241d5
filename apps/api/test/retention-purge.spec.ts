import type { IndicatorValue } from '@sdat/api-types';
import { DataSource } from 'typeorm';
import { INTERNAL_VIEWER } from '../src/auth/viewer';
import { IndicatorsService } from '../src/indicators/indicators.service';
import { purgeEpisodes } from '../src/retention/retention';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Retention on the demo data (episodes 2020-2023): on 30/06/2024 with 24 months of retention, the
 * episodes that ended before 30/06/2022 are purged. Every indicator of every year stays as it was,
 * because the years those episodes were active in were frozen first. The test restores the rows it
 * purged (the test database is shared with other specs).
 */
const PROGRAMMES = ['acor-centre-ville', 'acor-dijon-metropole', 'emas'];
const YEARS = [2020, 2021, 2022, 2023];

describe('retention purge: episode rows go, yearly indicators stay', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    ds = t.app.get(DataSource);
    await ds.query('CREATE TABLE retention_backup_episode AS SELECT * FROM support_episode');
    await ds.query('CREATE TABLE retention_backup_referral AS SELECT * FROM referral');
  }, 60_000);

  afterAll(async () => {
    await ds.query('DELETE FROM frozen_activity_input');
    await ds.query('DELETE FROM support_episode');
    await ds.query('INSERT INTO support_episode SELECT * FROM retention_backup_episode');
    await ds.query('DELETE FROM referral');
    await ds.query('INSERT INTO referral SELECT * FROM retention_backup_referral');
    await ds.query('DROP TABLE retention_backup_episode');
    await ds.query('DROP TABLE retention_backup_referral');
    await t.close();
  });

  const snapshot = async () => {
    const indicators = t.app.get(IndicatorsService);
    const out: Record<string, IndicatorValue[]> = {};
    for (const code of PROGRAMMES) {
      for (const year of YEARS) out[`${code} ${year}`] = (await indicators.forProgrammeYear(code, year, 'actual', INTERNAL_VIEWER)).indicators;
    }
    return out;
  };

  it('a dry run reports what would go and changes nothing', async () => {
    const before = await ds.query('SELECT count(*)::int AS n FROM support_episode');
    const report = await purgeEpisodes(ds, { months: 24, today: new Date('2024-06-30T12:00:00Z'), dryRun: true });
    expect(report.cutoff).toBe('2022-06-30');
    expect(report.episodesPurged).toBeGreaterThan(0);
    expect(await ds.query('SELECT count(*)::int AS n FROM support_episode')).toEqual(before);
    expect((await ds.query('SELECT count(*)::int AS n FROM frozen_activity_input'))[0].n).toBe(0);
  });

  it('purges the episodes ended before the cutoff, never an open one, and keeps every yearly indicator', async () => {
    const before = await snapshot();
    const expected = (await ds.query(`SELECT count(*)::int AS n FROM support_episode WHERE exit_date < '2022-06-30'`))[0].n;
    const open = (await ds.query('SELECT count(*)::int AS n FROM support_episode WHERE exit_date IS NULL'))[0].n;
    const report = await purgeEpisodes(ds, { months: 24, today: new Date('2024-06-30T12:00:00Z') });
    expect(report.episodesPurged).toBe(expected);
    expect((await ds.query(`SELECT count(*)::int AS n FROM support_episode WHERE exit_date < '2022-06-30'`))[0].n).toBe(0);
    expect((await ds.query('SELECT count(*)::int AS n FROM support_episode WHERE exit_date IS NULL'))[0].n).toBe(open);
    expect(report.frozenYears.map((f) => f.year).sort()).toEqual(expect.arrayContaining([2020, 2021, 2022]));
    const after = await snapshot();
    for (const key of Object.keys(before)) expect([key, after[key]]).toEqual([key, before[key]]);
    const [audit] = await ds.query(`SELECT details FROM audit_log WHERE action = 'retention_purge' ORDER BY id DESC LIMIT 1`);
    expect(audit.details).toMatchObject({ cutoff: '2022-06-30', episodesPurged: expected });
  }, 120_000);

  it('a second purge on the same date has nothing left to do', async () => {
    const report = await purgeEpisodes(ds, { months: 24, today: new Date('2024-06-30T12:00:00Z') });
    expect(report).toMatchObject({ episodesPurged: 0, frozenYears: [] });
  });
});
