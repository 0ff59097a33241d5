import type { CheckedAmount } from '@sdat/api-types';
import { formatEuros } from '@sdat/format';

/** True when a printed amount exists and differs from the computed one. */
export function hasDifference(amount: CheckedAmount): boolean {
  return amount.printedCents !== null && amount.printedCents !== amount.computedCents;
}

/**
 * Result of the check of a printed amount against the sum of its lines:
 * "Écart : imprimé 652 913 €, calculé 675 281 €" (warning), "Conforme", or "Non imprimé".
 */
export function CheckBadge({ amount }: { amount: CheckedAmount }) {
  if (amount.printedCents === null) {
    return <span className="badge badge--neutral">Non imprimé</span>;
  }
  if (!hasDifference(amount)) {
    return <span className="badge badge--success">Conforme</span>;
  }
  return (
    <span className="badge badge--warning">
      <span aria-hidden="true">⚠ </span>
      Écart&nbsp;: imprimé {formatEuros(amount.printedCents)}, calculé {formatEuros(amount.computedCents)}
    </span>
  );
}
