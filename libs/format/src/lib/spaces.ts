/**
 * Space normalisation for every string this library produces.
 *
 * `Intl.NumberFormat('fr-FR')` separates thousands with U+202F (NARROW NO-BREAK SPACE)
 * and puts U+00A0 (NO-BREAK SPACE) before `€` and `%`. Many PDF fonts (pdfmake's
 * Roboto subset among them) have no glyph for U+202F and print a box or nothing, and
 * some spreadsheet viewers show it as an unknown character. Every formatter therefore
 * replaces U+202F (and the thin space U+2009, used by some ICU versions) with a plain
 * U+00A0: still non-breaking, rendered by every font. It also replaces the
 * typographic minus U+2212 (emitted by some ICU versions) with "-".
 */
export const NBSP = '\u00a0';
export const NARROW_NBSP = '\u202f';

const NARROW_SPACES = /[\u202f\u2009]/g;
const TYPOGRAPHIC_MINUS = /\u2212/g;

/** Returns `text` with U+202F/U+2009 replaced by U+00A0 and U+2212 by "-". */
export function normaliseSpaces(text: string): string {
  return text.replace(NARROW_SPACES, NBSP).replace(TYPOGRAPHIC_MINUS, '-');
}
