export * from './lib/types';
export { referenceData } from './lib/data';
export { findReconciliationFindings, normalizeText } from './lib/reconciliation';
export { expandObligations, agreementValidity, occurrenceDate } from './lib/obligations';
export type { AgreementValidity, ExpandOptions, ScheduleAgreement } from './lib/obligations';
export { parsePrintedAmount, formatCents, sumCents } from './lib/money';
export { addMonths, addDays, lastWeekdayOfMonth, formatFrenchDate, parseIsoDate, isIsoDate } from './lib/dates';
export * from './lib/code-lists';
