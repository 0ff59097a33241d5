import { CATALOGUE } from '@sdat/indicators';
import type { AnnualReportData } from '../lib/types';
import centreVille from './acor-centre-ville-2022.fixture.json';
import emas from './emas-2022.fixture.json';

/**
 * Test fixtures: what the API answered for 2022 on the demo data (GET /api/programmes/:code,
 * /budgets, /funding, /indicators, /agreements/:code, /reconciliation), with the catalogue.
 */
const fixture = (json: unknown): AnnualReportData => ({ ...(json as Omit<AnnualReportData, 'catalogue'>), catalogue: CATALOGUE });

export const centreVille2022 = (): AnnualReportData => fixture(structuredClone(centreVille));
export const emas2022 = (): AnnualReportData => fixture(structuredClone(emas));
