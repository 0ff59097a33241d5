import { formatDate, formatNumber, MoneyError, parseEurosToCents } from '@sdat/format';

/**
 * What the correction forms read from their fields, checked with French messages before anything
 * is sent (the API checks again: its own French messages are shown when it refuses).
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const LIMIT_CENTS = 1_000_000_000_00;

/** Cents → what the amount field shows: `4 230,18` (no currency sign, always 2 decimals). */
export function amountInput(cents: number | null): string {
  return cents === null ? '' : formatNumber(cents / 100, 2);
}

/** `4 230,18`, `4230.18`, `-12,5 €` → cents; an empty or malformed amount is refused. */
export function checkAmount(input: string): Checked<number> {
  if (input.trim() === '') {
    return { ok: false, error: 'Le montant est obligatoire.' };
  }
  try {
    const cents = parseEurosToCents(input);
    if (Math.abs(cents) > LIMIT_CENTS) {
      return { ok: false, error: 'Le montant est hors limites (un milliard d’euros au plus).' };
    }
    return { ok: true, value: cents };
  } catch (error) {
    return { ok: false, error: error instanceof MoneyError ? error.message : `Montant invalide : « ${input} ».` };
  }
}

/** ETP → what the field shows: `2,50`. */
export function fteInput(fte: number | null): string {
  return fte === null ? '' : formatNumber(fte, 2);
}

/** `2,5`, `2.50`, `1` → 2.5; negative, above 500 or with more than 2 decimals is refused. */
export function checkFte(input: string): Checked<number> {
  const cleaned = input.trim().replace(',', '.');
  if (cleaned === '') {
    return { ok: false, error: 'L’ETP est obligatoire.' };
  }
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    return { ok: false, error: `ETP invalide : « ${input.trim()} ». Saisissez un nombre positif avec au plus 2 décimales, par exemple 2,5.` };
  }
  const fte = Number(cleaned);
  if (fte > 500) {
    return { ok: false, error: 'L’ETP ne peut dépasser 500.' };
  }
  return { ok: true, value: fte };
}

/** A required text of at most `max` characters (a budget line's label, a job title). */
export function checkText(input: string, what: string, max: number): Checked<string> {
  const text = input.trim();
  if (text === '') {
    return { ok: false, error: `${what} est obligatoire.` };
  }
  if (text.length > max) {
    return { ok: false, error: `${what} dépasse ${max} caractères (${text.length}).` };
  }
  return { ok: true, value: text };
}

/** The exit date of an episode: empty = still supported (null); never before the entry date. */
export function checkExitDate(input: string, entryDate: string): Checked<string | null> {
  if (input === '') {
    return { ok: true, value: null };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input) || Number.isNaN(Date.parse(input))) {
    return { ok: false, error: 'Date de sortie invalide : saisissez une date au format JJ/MM/AAAA.' };
  }
  if (input < entryDate) {
    return { ok: false, error: `La date de sortie (${formatDate(input)}) précède la date d’entrée (${formatDate(entryDate)}).` };
  }
  return { ok: true, value: input };
}

/** French plural of a count of rows: `0 ligne validée`, `1 ligne`, `38 lignes validées`. */
export function rowsText(count: number, participle: string): string {
  const plural = count >= 2;
  return `${formatNumber(count)}\u00a0ligne${plural ? 's' : ''} ${participle}${plural ? 's' : ''}`;
}
