import type { ReconciliationFindingView } from '@sdat/api-types';
import { formatEuros, formatSignedEuros } from '@sdat/format';
import { Link } from 'react-router-dom';
import { EMPTY } from '../amounts';
import { severityLabel } from '../labels';

function value(cents: number | null, printed: string | null): string {
  if (cents !== null) {
    return formatEuros(cents);
  }
  return printed ?? EMPTY;
}

const SEVERITY_TONES: Record<ReconciliationFindingView['severity'], string> = {
  error: 'danger',
  warning: 'warning',
  info: 'info',
};

interface FindingsTableProps {
  findings: readonly ReconciliationFindingView[];
  caption: string;
  /** Names of the programmes and agreements, by code (codes are shown when a name is missing). */
  programmeNames?: ReadonlyMap<string, string>;
  agreementNames?: ReadonlyMap<string, string>;
  /** Hide the agreement column (on an agreement's own page). */
  showAgreement?: boolean;
}

/** Reconciliation findings: where, what is printed, what the lines add up to, the difference, why. */
export function FindingsTable({
  findings,
  caption,
  programmeNames,
  agreementNames,
  showAgreement = true,
}: FindingsTableProps) {
  if (findings.length === 0) {
    return <p>Aucun écart relevé.</p>;
  }
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Gravité</th>
            {showAgreement && <th scope="col">Convention</th>}
            <th scope="col">Dispositif</th>
            <th scope="col">Emplacement</th>
            <th scope="col" className="num">
              Imprimé
            </th>
            <th scope="col" className="num">
              Calculé
            </th>
            <th scope="col" className="num">
              Écart
            </th>
            <th scope="col">Constat</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding) => (
            <tr key={finding.code}>
              <td>
                <span className={`badge badge--${SEVERITY_TONES[finding.severity] ?? 'neutral'}`}>
                  {severityLabel(finding.severity)}
                </span>
              </td>
              {showAgreement && (
                <td>
                  <Link to={`/conventions/${encodeURIComponent(finding.agreementCode)}`}>
                    {agreementNames?.get(finding.agreementCode) ?? finding.agreementCode}
                  </Link>
                </td>
              )}
              <td>
                {finding.programmeCode === null ? (
                  'Tous'
                ) : (
                  <Link to={`/dispositifs/${encodeURIComponent(finding.programmeCode)}`}>
                    {programmeNames?.get(finding.programmeCode) ?? finding.programmeCode}
                  </Link>
                )}
              </td>
              <th scope="row" className="row-header">
                {finding.location}
              </th>
              <td className="num">{value(finding.printedCents, finding.printedValue)}</td>
              <td className="num">{value(finding.computedCents, finding.computedValue)}</td>
              <td className="num">
                {finding.differenceCents === null ? EMPTY : formatSignedEuros(finding.differenceCents)}
              </td>
              <td>{finding.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
