import type { AgreementSummary } from '@sdat/api-types';
import { formatDate, formatNumber } from '@sdat/format';
import { renewalKindLabel } from './labels';

/** "du 01/01/2022 au 31/12/2022", "à partir du 01/01/2022", "Non précisée". */
export function periodText(agreement: Pick<AgreementSummary, 'startDate' | 'endDate'>): string {
  const { startDate, endDate } = agreement;
  if (startDate !== null && endDate !== null) {
    return `du ${formatDate(startDate)} au ${formatDate(endDate)}`;
  }
  if (startDate !== null) {
    return `à partir du ${formatDate(startDate)}`;
  }
  if (endDate !== null) {
    return `jusqu’au ${formatDate(endDate)}`;
  }
  return 'Non précisée';
}

export function monthsText(months: number): string {
  return `${formatNumber(months)}\u00a0mois`;
}

/** "Reconduction tacite — préavis de 3 mois". */
export function renewalText(agreement: Pick<AgreementSummary, 'renewalKind' | 'noticeMonths'>): string {
  const label = renewalKindLabel(agreement.renewalKind);
  return agreement.noticeMonths === null ? label : `${label} — préavis de ${monthsText(agreement.noticeMonths)}`;
}
