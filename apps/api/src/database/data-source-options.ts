import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';
import { PREPARE_OPTION } from './prepared-query';

/**
 * The one place that says how TypeORM reaches PostgreSQL. `synchronize` stays off: the schema
 * changes only through the migrations in ./migrations, which run at start-up.
 * `driver: pg` is passed explicitly because TypeORM loads it dynamically, which a bundle loses.
 * `prepare`: hot reads run as prepared statements (see preparedQuery) — on a PostgreSQL server only:
 * the embedded server runs every connection in one PGlite session, where the statements of closed
 * connections would pile up.
 */
export function buildDataSourceOptions(url: string, poolSize = 10, { prepare = false }: { prepare?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    driver: pg,
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: poolSize,
      // Fail fast when the database is away instead of hanging requests.
      connectionTimeoutMillis: 5000,
      [PREPARE_OPTION]: prepare,
    },
    logging: ['error'],
  };
}
