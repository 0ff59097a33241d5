export { NBSP, NARROW_NBSP, normaliseSpaces } from './lib/spaces';
export {
  MoneyError,
  assertCents,
  parseEurosToCents,
  sumCents,
  ratio,
} from './lib/money';
export type { EuroFormatOptions } from './lib/format';
export {
  formatEuros,
  formatSignedEuros,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  formatPoints,
  formatFte,
  formatDays,
  formatDate,
  formatMonth,
} from './lib/format';
export type { MeasureUnit } from './lib/measure';
export { formatMeasure } from './lib/measure';
