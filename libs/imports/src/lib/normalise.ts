/**
 * Text normalisation used to match headers and coded values: case, accents, ligatures,
 * apostrophes, punctuation and spacing do not matter. `« Date d’entrée »` → `date d entree`.
 */
export function normaliseKey(text: string): string {
  // A file repeats the same few labels in every row of a coded column: remember the short ones.
  if (text.length > MEMO_MAX_LENGTH) return normaliseUncached(text);
  let key = memo.get(text);
  if (key === undefined) {
    key = normaliseUncached(text);
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, key);
  }
  return key;
}

const MEMO_MAX_LENGTH = 200;
const MEMO_MAX_ENTRIES = 10_000;
const memo = new Map<string, string>();

function normaliseUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Trims and turns every run of white space (including no-break spaces and line breaks) into one space. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}

/** Column letter of a 1-based column index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 'A' → 1, 'AA' → 27; NaN when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return Number.NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Shortens a value quoted in an error message. */
export function quote(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
