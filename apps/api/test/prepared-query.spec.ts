import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { preparedQuery } from '../src/database/prepared-query';

/**
 * Hot reads run as prepared statements on a PostgreSQL server (planned once per connection), and
 * unprepared where preparing would be wrong: in a transaction (its own connection) and on the
 * embedded server (one PGlite session for every connection). pg_prepared_statements lists the
 * statements of the session that asks, so a pool of one connection shows them.
 */
describe('preparedQuery', () => {
  const url = process.env['TEST_DB_URL'] as string;
  const sources: DataSource[] = [];
  const open = async (prepare: boolean) => {
    const ds = new DataSource(buildDataSourceOptions(url, 1, { prepare }));
    await ds.initialize();
    sources.push(ds);
    return ds;
  };
  const prepared = async (ds: DataSource, text: string) =>
    Number((await ds.query('SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = $1', [text]))[0].n);
  afterAll(async () => Promise.all(sources.map((ds) => ds.destroy())));

  const text = "SELECT $1::int + 1 AS next, 'préparée' AS label";

  if (process.env['TEST_DB_MODE'] === 'server') {
    it('prepares a statement once per connection and reuses it, with the same rows as an unprepared query', async () => {
      const ds = await open(true);
      expect(await preparedQuery(ds, text, [41])).toEqual([{ next: 42, label: 'préparée' }]);
      expect(await preparedQuery(ds, text, [1])).toEqual([{ next: 2, label: 'préparée' }]);
      expect(await prepared(ds, text)).toBe(1);
      expect(await preparedQuery(ds, text, [1])).toEqual(await ds.query(text, [1]));
    });
  }

  it('does not prepare when the data source says not to (the embedded server)', async () => {
    const ds = await open(false);
    expect(await preparedQuery(ds, text, [1])).toEqual([{ next: 2, label: 'préparée' }]);
    expect(await prepared(ds, text)).toBe(0);
  });

  it('runs inside a transaction on the transaction’s own connection: it sees the uncommitted row', async () => {
    const ds = await open(process.env['TEST_DB_MODE'] === 'server');
    await ds.transaction(async (manager) => {
      await manager.query('CREATE TEMPORARY TABLE prepared_probe (n int) ON COMMIT DROP');
      await manager.query('INSERT INTO prepared_probe VALUES (7)');
      expect(await preparedQuery(manager, 'SELECT n FROM prepared_probe', [])).toEqual([{ n: 7 }]);
    });
  });

  it('keeps the connection after a statement error, and reports the error', async () => {
    const ds = await open(process.env['TEST_DB_MODE'] === 'server');
    await expect(preparedQuery(ds, 'SELECT 1 / $1::int AS x', [0])).rejects.toThrow(/division by zero|division par zéro/);
    expect(await preparedQuery(ds, 'SELECT 1 / $1::int AS x', [1])).toEqual([{ x: 1 }]);
  });
});
