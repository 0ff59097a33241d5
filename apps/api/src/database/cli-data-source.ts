/**
 * DataSource for the TypeORM CLI (generate / run / revert migrations by hand):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sdat_dev npm run migration:generate -- apps/api/src/database/migrations/Name
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL est requis pour la CLI des migrations.');
export default new DataSource(buildDataSourceOptions(url));
