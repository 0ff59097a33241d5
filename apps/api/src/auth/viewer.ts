import { applySmallCountSuppression, type IndicatorValue } from '@sdat/indicators';
import type { Principal } from './principal';

/**
 * What the reader of a computed result may see: which programmes, and whether counts of people
 * below the agreement's threshold are masked (every role but the operator). Services take a Viewer,
 * never a role, so the same rule serves the screen, the API, exports and PDFs.
 */
export interface Viewer {
  programmes: ReadonlySet<string> | 'all';
  masksSmallCounts: boolean;
}

export function viewerOf(principal: Principal): Viewer {
  return { programmes: principal.programmes, masksSmallCounts: principal.role !== 'operator' };
}

/** Internal full view (benchmarks, command-line tools): every programme, nothing masked. */
export const INTERNAL_VIEWER: Viewer = { programmes: 'all', masksSmallCounts: false };

export function viewerSees(viewer: Viewer, programmeCode: string): boolean {
  return viewer.programmes === 'all' || viewer.programmes.has(programmeCode);
}

/** The one place indicator results pass through before leaving the server. */
export function indicatorsFor(viewer: Viewer, values: IndicatorValue[], threshold: number): IndicatorValue[] {
  return viewer.masksSmallCounts ? applySmallCountSuppression(values, { threshold }) : values;
}
