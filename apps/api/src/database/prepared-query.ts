import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Key of the pool options (`extra`) that turns prepared statements on (see buildDataSourceOptions). */
export const PREPARE_OPTION = 'sdatPrepare';

let lastClientId = 0;
const clientIds = new WeakMap<PoolClient, number>();
const statementNames = new Map<string, string>();

/** A short name per statement text (its SHA-1), the same in every process. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `sdat_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs a read as a prepared statement: PostgreSQL parses and plans it once per connection instead of
 * on every call. The reads every request makes (the session, the programme a route names) and the
 * ~20 aggregates of a programme-year are short statements whose planning cost more than their
 * execution (a joined lookup: 0.56 ms planned each time, 0.10 ms prepared; docs/performance.md § 1).
 *
 * Straight on TypeORM's pg pool, which `query()` cannot do; the name carries the connection's own
 * number. Unprepared, through TypeORM: inside a transaction (an EntityManager with its own query
 * runner, whose connection it must use), and when the data source was built without `prepare`
 * (the embedded server, see buildDataSourceOptions).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller, as with TypeORM's query()
export async function preparedQuery<Row = any>(db: DataSource | EntityManager, text: string, values: readonly unknown[]): Promise<Row[]> {
  const source = db instanceof DataSource ? db : db.dataSource;
  const extra = (source.options as { extra?: Record<string, unknown> }).extra;
  if ((!(db instanceof DataSource) && db.queryRunner) || extra?.[PREPARE_OPTION] !== true) return db.query(text, [...values]);
  const pool = (source.driver as PostgresDriver).master as Pool;
  const client = await pool.connect();
  let lost: Error | undefined;
  // A connection killed while checked out (PostgreSQL restarting) emits 'error' outside any query:
  // without a listener that event would end the process (TypeORM adds one to the clients it checks out).
  const onError = (error: Error) => {
    lost = error;
  };
  client.on('error', onError);
  try {
    let id = clientIds.get(client);
    if (id === undefined) {
      id = ++lastClientId;
      clientIds.set(client, id);
    }
    return (await client.query({ name: `${statementName(text)}_${id}`, text, values: [...values] })).rows as Row[];
  } catch (error) {
    // a lost connection is discarded, not given back to the pool (a statement error keeps it)
    if (!(error instanceof Error && 'severity' in error)) lost = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(lost);
  }
}
