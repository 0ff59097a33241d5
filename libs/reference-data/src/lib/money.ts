/**
 * Money helpers. Amounts are integer euro cents everywhere; these helpers only parse
 * and print the French formats found in the documents ("18 782", "3 960.00", "8 550,00 €").
 */

/** Parses a printed euro amount into integer cents; returns null for an empty cell. Throws on anything else. */
export function parsePrintedAmount(printed: string): number | null {
  const text = printed.replace(/€/g, '').replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`Montant illisible : « ${printed} »`);
  const euros = Number(match[1]);
  const decimals = match[2] ?? '';
  const cents = decimals === '' ? 0 : Number(decimals.padEnd(2, '0'));
  return euros * 100 + cents;
}

/** Formats integer cents the French way: 1878200 → "18 782 €", 396050 → "3 960,50 €". */
export function formatCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`Montant non entier en centimes : ${cents}`);
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${grouped}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`} €`;
}

/** Sum of integer cents (throws if a value is not an integer). */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isInteger(v)) throw new Error(`Montant non entier en centimes : ${v}`);
    total += v;
  }
  return total;
}
