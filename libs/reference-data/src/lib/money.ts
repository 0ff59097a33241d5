/**
 * Money helpers of the reference data: thin adapters over @sdat/format (the one place that parses
 * and prints euros). Amounts are integer euro cents everywhere.
 */
import { formatEuros, parseEurosToCents, sumCents } from '@sdat/format';

export { sumCents };

/** Parses a printed euro amount ("18 782", "3 960.00", "8 550,00 €") into cents; null for an empty cell. */
export function parsePrintedAmount(printed: string): number | null {
  return printed.replace(/[\s\u00a0\u202f€]/g, '') === '' ? null : parseEurosToCents(printed);
}

/** Formats cents the French way, with the cents only when there are some: "18 782 €", "3 960,50 €". */
export function formatCents(cents: number): string {
  return formatEuros(cents, { decimals: cents % 100 === 0 ? 0 : 2 });
}
