/** Calendar helpers on ISO dates, in UTC (never the machine's time zone). */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO date when year/month/day form a real calendar date between 1900 and 2199, else null. */
export function validDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return toIsoDate(year, month, day);
}

/** ISO date of a JavaScript Date read from a spreadsheet (exceljs gives dates at UTC midnight). */
export function isoFromDate(date: Date): string | null {
  const time = date.getTime();
  if (!Number.isFinite(time)) return null;
  return validDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Excel serial day (1900 date system: 1 = 1900-01-01, with Excel's phantom 29/02/1900) → ISO date. */
export function isoFromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + whole * 86_400_000;
  return isoFromDate(new Date(ms));
}

/** ISO date → Date at UTC midnight (what exceljs writes as a date cell). */
export function dateFromIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** 2023-03-15 → 15/03/2023. */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const MONTH_NAMES = [
  ['janvier', 'janv', 'jan'],
  ['fevrier', 'fevr', 'fev'],
  ['mars', 'mar'],
  ['avril', 'avr'],
  ['mai'],
  ['juin'],
  ['juillet', 'juil'],
  ['aout'],
  ['septembre', 'sept', 'sep'],
  ['octobre', 'oct'],
  ['novembre', 'nov'],
  ['decembre', 'dec'],
] as const;

/** Month number of a normalised French month name (« fevrier », « sept »), or null. */
export function monthFromName(normalised: string): number | null {
  const index = MONTH_NAMES.findIndex((names) => (names as readonly string[]).includes(normalised));
  return index === -1 ? null : index + 1;
}

const FRENCH_MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** 2023-03-01 → « mars 2023 ». */
export function frenchMonth(iso: string): string {
  const [y, m] = iso.split('-');
  return `${FRENCH_MONTHS[Number(m) - 1] ?? m} ${y}`;
}
