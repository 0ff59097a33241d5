import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';

/**
 * The entities and the migrations must describe the same schema: after running every migration,
 * what `migration:generate` would produce must be empty. Fails when an entity changes without a migration.
 */
describe('schema: entities and migrations agree', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = new DataSource(buildDataSourceOptions(process.env['TEST_DB_URL'] as string, 2));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => ds?.destroy());

  it('generate-after-migrate yields no statement', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('keeps synchronize off', () => {
    expect(ds.options.synchronize).toBe(false);
  });
});
