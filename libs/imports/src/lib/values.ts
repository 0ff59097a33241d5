/**
 * Cell parsers: one spreadsheet or CSV cell → a typed value, or a French message.
 * They never throw; every problem is a message the validator attaches to the cell.
 */
import { MoneyError, parseEurosToCents } from '@sdat/format';
import { isoFromExcelSerial, monthFromName, validDate } from './dates';
import { cleanText, normaliseKey, quote } from './normalise';
import type { RawValue } from './raw-table';
import type { AllowedCode } from './types';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

/** Longest text accepted in a text cell. */
export const MAX_TEXT_LENGTH = 500;

/** A text starting with one of these would be run as a formula by a spreadsheet (CSV/formula injection). */
const INJECTION_START = /^[=+\-@\t\r]/;

/** Refuses formulas and Excel error values, whatever the column type. Null when the cell is acceptable. */
export function refuseFormula(raw: RawValue): string | null {
  if (raw.kind === 'formula') {
    return 'La cellule contient une formule : seules des valeurs saisies sont acceptées (copiez la colonne puis « Collage spécial › Valeurs »).';
  }
  if (raw.kind === 'error') {
    return `La cellule contient une erreur de calcul Excel (${raw.text}) : saisissez une valeur.`;
  }
  return null;
}

function asString(raw: RawValue): string | null {
  switch (raw.kind) {
    case 'string':
      return raw.text;
    case 'number':
      return String(raw.value);
    case 'boolean':
      return raw.value ? 'VRAI' : 'FAUX';
    case 'date':
      return raw.text;
    default:
      return null;
  }
}

/** Control characters other than tab, line feed and carriage return (invisible, never meant in a label). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** Free text: trimmed, spaces collapsed, at most 500 characters, no formula-like start. */
export function parseText(raw: RawValue): CellResult<string> {
  const text = asString(raw);
  if (text === null) return fail('Texte attendu.');
  const cleaned = cleanText(text);
  if (INJECTION_START.test(text.trimStart()) || INJECTION_START.test(cleaned)) {
    return fail(
      `Un texte ne peut pas commencer par « = », « + », « - » ou « @ » (risque d'injection de formule dans un tableur) : retirez ce premier caractère.`,
    );
  }
  if (cleaned.length > MAX_TEXT_LENGTH) return fail(`Texte trop long : ${cleaned.length} caractères (${MAX_TEXT_LENGTH} au plus).`);
  // Control characters other than white space have no business in a label.
  if (hasControlCharacter(cleaned)) return fail('Le texte contient des caractères de contrôle invisibles.');
  return ok(cleaned);
}

/** A coded value: the code or its French label (case, accents and punctuation ignored). */
export function parseCode(raw: RawValue, lookup: ReadonlyMap<string, string>, codes: readonly AllowedCode[]): CellResult<string> {
  const text = asString(raw);
  if (text === null) return fail('Valeur de liste attendue.');
  const found = lookup.get(normaliseKey(text));
  if (found !== undefined) return ok(found);
  const shown = codes.map((c) => c.label);
  const list = shown.length > 12 ? `${shown.slice(0, 12).join(' ; ')} ; …` : shown.join(' ; ');
  return fail(`Valeur inconnue : « ${quote(cleanText(text))} ». Valeurs acceptées (code ou libellé) : ${list}.`);
}

/** Lookup normalised code / label / alias → code. */
export function buildLookup(codes: readonly AllowedCode[], aliases: Readonly<Record<string, readonly string[]>> = {}): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of codes) {
    map.set(normaliseKey(item.code), item.code);
    map.set(normaliseKey(item.label), item.code);
    for (const alias of aliases[item.code] ?? []) {
      const key = normaliseKey(alias);
      if (!map.has(key)) map.set(key, item.code);
    }
  }
  map.delete('');
  return map;
}

/** Chart-of-accounts code: digits (spaces and dots ignored), class 6 or 7, 2 to 10 digits. */
export function parseAccount(raw: RawValue): CellResult<string> {
  const text = asString(raw);
  const digits = text === null ? '' : text.replace(/[\s\u00a0\u202f.]/g, '');
  if (!/^[67]\d{1,9}$/.test(digits)) {
    return fail(
      `Numéro de compte invalide : « ${quote(text ?? '')} ». Attendu : des chiffres commençant par 6 (charges) ou 7 (produits), p. ex. 606120.`,
    );
  }
  return ok(digits);
}

/** Euros (number cell or text with decimal comma or point) → integer cents, via @sdat/format. */
export function parseAmount(raw: RawValue, options: { allowNegative: boolean }): CellResult<number> {
  let text: string | null;
  if (raw.kind === 'number') {
    if (!Number.isFinite(raw.value)) return fail('Montant invalide.');
    text = String(raw.value);
  } else if (raw.kind === 'string') {
    text = raw.text;
  } else {
    return fail('Montant attendu (nombre en euros, p. ex. 1 234,56).');
  }
  let cents: number;
  try {
    cents = parseEurosToCents(text);
  } catch (error) {
    if (error instanceof MoneyError) {
      return fail(`Montant invalide : « ${quote(cleanText(text))} ». Formats acceptés : 18 782 ; 3 960,00 ; 1 234,56 (2 décimales au plus).`);
    }
    throw error;
  }
  if (!options.allowNegative && cents < 0) return fail('Le montant ne peut pas être négatif.');
  if (Math.abs(cents) > 100_000_000_000_00) return fail('Montant hors limites (100 milliards d’euros au plus).');
  return ok(cents);
}

/** Non-negative decimal with at most 2 decimals (FTE): `0,5`, `1.25`, a number cell. */
export function parseDecimal(raw: RawValue, max: number): CellResult<number> {
  let value: number;
  if (raw.kind === 'number') {
    value = raw.value;
    if (!Number.isFinite(value) || Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) {
      return fail(`Nombre invalide : « ${String(raw.value)} » (2 décimales au plus, p. ex. 0,5).`);
    }
    value = Math.round(value * 100) / 100;
  } else if (raw.kind === 'string') {
    const text = raw.text.replace(/[\s\u00a0\u202f]/g, '');
    const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text);
    if (m === null) return fail(`Nombre invalide : « ${quote(cleanText(raw.text))} » (p. ex. 0,5 ; 2 décimales au plus).`);
    value = Number(`${m[1]}.${m[2] ?? '0'}`);
  } else {
    return fail('Nombre attendu (p. ex. 0,5).');
  }
  if (value < 0) return fail('Le nombre ne peut pas être négatif.');
  if (value > max) return fail(`Nombre trop grand : ${String(value).replace('.', ',')} (${max} au plus).`);
  return ok(value);
}

/** Non-negative whole number: `12`, `1 234`, a number cell. */
export function parseInteger(raw: RawValue, max: number): CellResult<number> {
  let value: number;
  if (raw.kind === 'number') {
    value = raw.value;
  } else if (raw.kind === 'string') {
    const text = raw.text.trim();
    if (!/^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,12})$/.test(text)) {
      return fail(`Nombre entier positif attendu : « ${quote(cleanText(raw.text))} ».`);
    }
    value = Number(text.replace(/[ \u00a0\u202f]/g, ''));
  } else {
    return fail('Nombre entier positif attendu.');
  }
  if (!Number.isSafeInteger(value) || value < 0) return fail(`Nombre entier positif attendu : « ${String(value).replace('.', ',')} ».`);
  if (value > max) return fail(`Nombre trop grand : ${value} (${max} au plus).`);
  return ok(value);
}

const DATE_FORMATS = 'jj/mm/aaaa (15/03/2023) ou aaaa-mm-jj (2023-03-15)';

/** A date cell, an Excel serial number (XLSX only), `jj/mm/aaaa` (also - or .) or ISO `aaaa-mm-jj`. */
export function parseDate(raw: RawValue): CellResult<string> {
  if (raw.kind === 'date') {
    return raw.iso === null ? fail(`Date hors limites : « ${raw.text} ».`) : ok(raw.iso);
  }
  if (raw.kind === 'number') {
    const iso = Number.isInteger(raw.value) ? isoFromExcelSerial(raw.value) : null;
    return iso === null ? fail(`Date invalide : « ${String(raw.value)} ». Formats acceptés : ${DATE_FORMATS}.`) : ok(iso);
  }
  if (raw.kind !== 'string') return fail(`Date attendue : ${DATE_FORMATS}.`);
  const text = raw.text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m !== null) {
    const iso = validDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (iso !== null) return ok(iso);
    return fail(`Date inexistante : « ${quote(text)} ».`);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.000)?)?Z?)?$/.exec(text);
  if (m !== null) {
    const iso = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso !== null) return ok(iso);
    return fail(`Date inexistante : « ${quote(text)} ».`);
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text)) {
    return fail(`Année sur 2 chiffres : « ${quote(text)} ». Écrivez l'année en entier (${DATE_FORMATS}).`);
  }
  return fail(`Date invalide : « ${quote(cleanText(text))} ». Formats acceptés : ${DATE_FORMATS}.`);
}

const MONTH_FORMATS = '03/2023, mars 2023, 2023-03, une date du mois (01/03/2023) ou le numéro du mois (3)';

/** A month (→ `YYYY-MM-01`): a date of the month, `mm/aaaa`, `aaaa-mm`, `mars 2023`, or 1–12 for `year`. */
export function parseMonth(raw: RawValue, year: number): CellResult<string> {
  // A month number (1–12), also when typed in a date-formatted cell (Excel then shows January 1900).
  const small = raw.kind === 'number' ? raw.value : raw.kind === 'date' ? raw.serial : Number.NaN;
  if (Number.isInteger(small) && small >= 1 && small <= 12) {
    return ok(`${year}-${String(small).padStart(2, '0')}-01`);
  }
  if (raw.kind === 'date' || raw.kind === 'number') {
    const date = parseDate(raw);
    return date.ok ? ok(`${date.value.slice(0, 7)}-01`) : fail(`Mois invalide. Formats acceptés : ${MONTH_FORMATS}.`);
  }
  if (raw.kind !== 'string') return fail(`Mois attendu : ${MONTH_FORMATS}.`);
  const text = raw.text.trim();
  const monthOf = (y: number, m: number): CellResult<string> => {
    const iso = validDate(y, m, 1);
    return iso === null ? fail(`Mois inexistant : « ${quote(text)} ».`) : ok(iso);
  };
  let m = /^(\d{1,2})$/.exec(text);
  if (m !== null) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? monthOf(year, Number(m[1])) : fail(`Mois inexistant : « ${quote(text)} ».`);
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m !== null) return monthOf(Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m !== null) return monthOf(Number(m[1]), Number(m[2]));
  const named = /^([a-z]+)\s+(\d{4})$/.exec(normaliseKey(text));
  if (named !== null) {
    const month = monthFromName(named[1] ?? '');
    if (month !== null) return monthOf(Number(named[2]), month);
  }
  const date = parseDate(raw);
  if (date.ok) return ok(`${date.value.slice(0, 7)}-01`);
  return fail(`Mois invalide : « ${quote(cleanText(text))} ». Formats acceptés : ${MONTH_FORMATS}.`);
}

const TRUE_WORDS = new Set(['oui', 'o', 'vrai', 'true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['non', 'n', 'faux', 'false', 'no', '0']);

/** Oui / Non (also vrai/faux, 1/0, a boolean cell). */
export function parseBoolean(raw: RawValue): CellResult<boolean> {
  if (raw.kind === 'boolean') return ok(raw.value);
  const text = asString(raw);
  const key = text === null ? '' : normaliseKey(text);
  if (TRUE_WORDS.has(key)) return ok(true);
  if (FALSE_WORDS.has(key)) return ok(false);
  return fail(`Valeur attendue : Oui ou Non (reçu « ${quote(cleanText(text ?? ''))} »).`);
}

/** Looks like a French social-security number (NIR): 13 or 15 digits starting with 1, 2, 3, 4, 7 or 8. */
const NIR_LIKE = /^[1-478]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{6}(?:\d{2})?$/i;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_LIKE = /^(?:\+33|0033|0)[1-9](?:\d{8})$/;

/**
 * The operator's own participant identifier. Its value is never quoted in a message.
 * Identifiers that look like a NIR, an e-mail address or a phone number are refused.
 */
export function parseIdentifier(raw: RawValue): CellResult<string> {
  const text = asString(raw);
  if (text === null) return fail('Identifiant attendu (texte).');
  const cleaned = cleanText(text);
  if (cleaned.length > 100) return fail('Identifiant trop long (100 caractères au plus).');
  if (INJECTION_START.test(cleaned)) {
    return fail(`Un identifiant ne peut pas commencer par « = », « + », « - » ou « @ » (risque d'injection de formule).`);
  }
  const compact = cleaned.replace(/[\s.-]/g, '');
  if (NIR_LIKE.test(compact)) {
    return fail(
      "L'identifiant ressemble à un numéro de sécurité sociale (NIR) : son utilisation est interdite ici. Utilisez l'identifiant interne de votre logiciel de suivi.",
    );
  }
  if (EMAIL_LIKE.test(cleaned) || PHONE_LIKE.test(compact)) {
    return fail(
      "L'identifiant ressemble à une adresse électronique ou à un numéro de téléphone : utilisez l'identifiant interne de votre logiciel de suivi.",
    );
  }
  return ok(cleaned);
}

/** A pseudonymous key as exported by the platform: 64 hexadecimal characters. */
export function parsePseudonym(raw: RawValue): CellResult<string> {
  const text = asString(raw);
  const cleaned = text === null ? '' : text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(cleaned)) {
    return fail(
      'Clé pseudonyme invalide : 64 caractères hexadécimaux attendus. Cette colonne ne se remplit pas à la main : elle vient d’un export de la plateforme.',
    );
  }
  return ok(cleaned.toLowerCase());
}
