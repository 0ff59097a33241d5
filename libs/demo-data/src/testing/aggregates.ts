import type { DemoEpisode } from '../lib/types';

/**
 * Aggregations written for the tests only, independently of the generator's code (they recount
 * everything from the returned rows).
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (UTC, no time zone involved). */
export function toDay(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`bad date ${iso}`);
  return Math.round(ms / DAY_MS);
}

export function durationDays(e: DemoEpisode): number | null {
  return e.exitDate === null ? null : toDay(e.exitDate) - toDay(e.entryDate);
}

/** Episodes open at some time in [from, to] (exit date counts as a day of presence). */
export function overlapping(episodes: readonly DemoEpisode[], from: string, to: string): DemoEpisode[] {
  return episodes.filter((e) => e.entryDate <= to && (e.exitDate === null || e.exitDate >= from));
}

/**
 * Maximum number of simultaneously open episodes over [from, to], counting an episode on every
 * day from its entry date to its exit date included (open episodes: to the end).
 */
export function maxDailyCaseload(episodes: readonly DemoEpisode[], from: string, to: string): number {
  const start = toDay(from);
  const end = toDay(to);
  const delta = new Int32Array(end - start + 2);
  for (const e of episodes) {
    const entry = Math.max(start, toDay(e.entryDate));
    const exit = e.exitDate === null ? end : Math.min(end, toDay(e.exitDate));
    if (exit < start || entry > end) continue;
    delta[entry - start] = (delta[entry - start] ?? 0) + 1;
    delta[exit - start + 1] = (delta[exit - start + 1] ?? 0) - 1;
  }
  let current = 0;
  let max = 0;
  for (let i = 0; i <= end - start; i++) {
    current += delta[i] ?? 0;
    if (current > max) max = current;
  }
  return max;
}

export interface YearFigures {
  entries: number;
  exits: number;
  /** Distinct participants with an episode open at some time in the year. */
  followed: number;
  openAtYearEnd: number;
  /** Mean duration (days) of the episodes closed in the year, rounded to the day. */
  averageClosedDuration: number | null;
}

export function yearFigures(episodes: readonly DemoEpisode[], year: number): YearFigures {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const closed = episodes.filter((e) => e.exitDate !== null && e.exitDate >= from && e.exitDate <= to);
  const total = closed.reduce((sum, e) => sum + (durationDays(e) ?? 0), 0);
  return {
    entries: episodes.filter((e) => e.entryDate >= from && e.entryDate <= to).length,
    exits: closed.length,
    followed: new Set(overlapping(episodes, from, to).map((e) => e.participantKey)).size,
    openAtYearEnd: episodes.filter((e) => e.entryDate <= to && (e.exitDate === null || e.exitDate > to)).length,
    averageClosedDuration: closed.length === 0 ? null : Math.round(total / closed.length),
  };
}
