import { dayNumber, daysInMonth, publicHolidays, weekday, type DayNumber } from './calendar';
import { Rng, powInt } from './random';
import type { DemoMonthlyActivity, DemoProfile } from './types';

/**
 * Monthly activity rows. The day centre (ACOR Centre Ville) is open Monday to Saturday except
 * public holidays; its attendance and its street outreach rise in winter (« sur la période
 * hivernale […] les maraudes sont renforcées »). Each month has its own random stream.
 */

/** Day-centre visits per opening day in 2022 (before scale), and seasonal profile (Jan…Dec). */
const VISITS_PER_DAY_2022 = 70;
const ATTENDANCE_SEASON = [1.2, 1.2, 1.1, 1, 0.95, 0.95, 1, 1.05, 0.95, 1, 1.1, 1.15];
/** Outreach contacts per month in 2022 (before scale), and winter profile. */
const OUTREACH_CONTACTS_2022 = 150;
const OUTREACH_SEASON = [1.6, 1.5, 1.25, 1, 0.9, 0.9, 1, 1.05, 0.9, 1, 1.3, 1.6];
/** Yearly growth of the day-centre activity. */
const ACTIVITY_GROWTH = 1.02;

export function monthlyActivity(
  programmeCode: string,
  profile: DemoProfile,
  years: readonly number[],
  asOf: DayNumber,
  waitingListEnd: ReadonlyMap<string, number>,
  seed: number,
  scale: number,
): DemoMonthlyActivity[] {
  const rows: DemoMonthlyActivity[] = [];
  for (const year of years) {
    const holidays = publicHolidays(year);
    for (let month = 1; month <= 12; month++) {
      const first = dayNumber(year, month, 1);
      if (first > asOf) break;
      const monthKey = `${year}-${month < 10 ? '0' : ''}${month}-01`;
      const row: DemoMonthlyActivity = {
        programmeCode,
        month: monthKey,
        openingDays: null,
        attendanceVisits: null,
        attendanceDistinctPeople: null,
        outreachContacts: null,
        outreachDistinctPeople: null,
        waitingListEnd: waitingListEnd.get(monthKey) ?? 0,
      };
      if (profile === 'day_centre_outreach') {
        const rng = Rng.stream(seed, programmeCode, 'activity', year, month);
        const length = daysInMonth(year, month);
        const last = Math.min(asOf, first + length - 1);
        let openingDays = 0;
        for (let day = first; day <= last; day++) {
          if (weekday(day) !== 0 && !holidays.has(day)) openingDays++;
        }
        const growth = powInt(ACTIVITY_GROWTH, year - 2022);
        const season = ATTENDANCE_SEASON[month - 1] ?? 1;
        const visits = Math.max(
          0,
          Math.round(openingDays * VISITS_PER_DAY_2022 * scale * growth * season * (1 + 0.05 * rng.normal())),
        );
        const distinct = Math.min(visits, Math.max(visits > 0 ? 1 : 0, Math.round(visits * rng.between(0.19, 0.24))));
        const covered = (last - first + 1) / length;
        const winter = OUTREACH_SEASON[month - 1] ?? 1;
        const contacts = Math.max(
          0,
          Math.round(OUTREACH_CONTACTS_2022 * scale * growth * winter * covered * (1 + 0.08 * rng.normal())),
        );
        const reached = Math.min(contacts, Math.max(contacts > 0 ? 1 : 0, Math.round(contacts * rng.between(0.45, 0.6))));
        row.openingDays = openingDays;
        row.attendanceVisits = visits;
        row.attendanceDistinctPeople = distinct;
        row.outreachContacts = contacts;
        row.outreachDistinctPeople = reached;
      }
      rows.push(row);
    }
  }
  return rows;
}
