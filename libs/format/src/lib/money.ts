/**
 * Money helpers. Money is always an integer number of euro cents
 * (a JavaScript safe integer); floats never carry money.
 */

/** Error thrown on invalid money input; the message is in French (shown to users). */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** Throws a `MoneyError` unless `cents` is a safe integer. */
export function assertCents(cents: number, what = 'Le montant'): void {
  if (!Number.isSafeInteger(cents)) {
    throw new MoneyError(
      `${what} doit être un nombre entier de centimes (reçu : ${String(cents)}).`,
    );
  }
}

/**
 * Accepted shapes (after trimming, an optional trailing "€" and an optional sign):
 * - digits without grouping: `18782`, `3960.00`, `1234,5`
 * - digits grouped by 3 with a space, a no-break space (U+00A0) or a narrow
 *   no-break space (U+202F): `18 782`, `3 960.00`, `1 234,56`
 * - decimal separator "," or "." followed by 1 or 2 digits.
 * Anything else (letters, 3 decimals, `1.234` which could be a thousands
 * separator, mixed separators, empty string) is rejected.
 */
const MONEY_PATTERN =
  /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parses a French or plain amount in euros into integer cents.
 * `'18 782'` → 1878200, `'3 960.00'` → 396000, `'1 234,56'` → 123456, `'-12,5 €'` → -1250.
 * Strict: throws a `MoneyError` (French message) on anything that is not a clean amount.
 */
export function parseEurosToCents(input: string): number {
  if (typeof input !== 'string') {
    throw new MoneyError(`Montant invalide : une chaîne de caractères est attendue.`);
  }
  const cleaned = input
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/[ \u00a0\u202f]*€$/, '')
    .trim();
  const match = MONEY_PATTERN.exec(cleaned);
  if (match === null) {
    throw new MoneyError(
      `Montant invalide : « ${input} ». Formats acceptés : 18 782 ; 3 960.00 ; 1 234,56.`,
    );
  }
  const sign = match[1] === '-' ? -1 : 1;
  const euros = (match[2] ?? '').replace(/[ \u00a0\u202f]/g, '');
  const decimals = (match[3] ?? '').padEnd(2, '0');
  const digits = `${euros}${decimals}`;
  const cents = Number(digits);
  if (!Number.isSafeInteger(cents)) {
    throw new MoneyError(`Montant trop grand pour être traité exactement : « ${input} ».`);
  }
  return cents === 0 ? 0 : sign * cents;
}

/**
 * Exact integer sum of cents. Throws a `MoneyError` if a value is not a safe
 * integer or if the sum leaves the safe-integer range.
 */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  values.forEach((value, index) => {
    assertCents(value, `Le montant n° ${index + 1}`);
    total += value;
    if (!Number.isSafeInteger(total)) {
      throw new MoneyError(`La somme dépasse la capacité de calcul exact.`);
    }
  });
  return total;
}

/**
 * Ratio of two cent amounts, as a JavaScript number (for display or charts).
 * Returns `null` when the denominator is zero. Throws if an input is not integer cents.
 */
export function ratio(numeratorCents: number, denominatorCents: number): number | null {
  assertCents(numeratorCents, 'Le numérateur');
  assertCents(denominatorCents, 'Le dénominateur');
  if (denominatorCents === 0) {
    return null;
  }
  return numeratorCents / denominatorCents;
}
