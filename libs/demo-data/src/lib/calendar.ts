/**
 * Calendar arithmetic on "day numbers" (days since 1970-01-01, proleptic Gregorian, no time zone):
 * integer maths only, so the result never depends on the machine's time zone or locale.
 */

export type DayNumber = number;

/** Day number of a civil date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilDate(n: DayNumber): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(n: DayNumber): string {
  const { year, month, day } = civilDate(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD'; throws on anything else (including 2023-02-30). */
export function parseIsoDate(text: string): DayNumber {
  const match = ISO_DATE.exec(text);
  if (match === null) throw new RangeError(`Date invalide (AAAA-MM-JJ attendu) : « ${text} »`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const n = dayNumber(year, month, day);
  const back = civilDate(n);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Date inexistante : « ${text} »`);
  }
  return n;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

export function lastDayOfMonth(year: number, month: number): DayNumber {
  return dayNumber(year, month, daysInMonth(year, month));
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** French public holidays (jours fériés, metropolitan France) of a year. */
export function publicHolidays(year: number): Set<DayNumber> {
  const easter = easterSunday(year);
  return new Set([
    dayNumber(year, 1, 1),
    easter + 1, // lundi de Pâques
    dayNumber(year, 5, 1),
    dayNumber(year, 5, 8),
    easter + 39, // Ascension
    easter + 50, // lundi de Pentecôte
    dayNumber(year, 7, 14),
    dayNumber(year, 8, 15),
    dayNumber(year, 11, 1),
    dayNumber(year, 11, 11),
    dayNumber(year, 12, 25),
  ]);
}

/** Last Tuesday of the month (CCA meeting day), moved to the day before if it is a public holiday. */
export function lastTuesdayOfMonth(year: number, month: number, holidays: Set<DayNumber>): DayNumber {
  const last = lastDayOfMonth(year, month);
  const tuesday = last - ((weekday(last) - 2 + 7) % 7);
  return holidays.has(tuesday) ? tuesday - 1 : tuesday;
}
