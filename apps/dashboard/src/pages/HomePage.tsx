import type { ObligationView } from '@sdat/api-types';
import { formatDate } from '@sdat/format';
import { addMonths, format } from 'date-fns';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useAgreements } from '../api/agreements';
import { useObligations } from '../api/obligations';
import { DemoBanner } from '../components/DemoBanner';
import { ProgrammeCardGrid, useProgrammeCards } from '../components/ProgrammeCard';
import { QueryResult } from '../components/QueryResult';
import { StatusBadge } from '../components/StatusBadge';
import { useDocumentTitle } from '../use-document-title';

const ISO = 'yyyy-MM-dd';

/**
 * The convention cadre 2022 expired on 31/12/2022 but is still applied while its successor is
 * negotiated: its deadlines are computed beyond its printed validity (flagged as such).
 */
export const EXTENDED_AGREEMENTS: readonly string[] = ['convention-cadre-sdat-2022'];

/** From 1 January of the current year to 12 months after today. */
export function obligationRange(today: Date): { from: string; to: string } {
  return { from: `${today.getFullYear()}-01-01`, to: format(addMonths(today, 12), ISO) };
}

/** By due date; obligations without a date last, by the start of their window. */
export function sortObligations(obligations: readonly ObligationView[]): ObligationView[] {
  return [...obligations].sort((a, b) => {
    if ((a.dueDate === null) !== (b.dueDate === null)) {
      return a.dueDate === null ? 1 : -1;
    }
    const keyA = a.dueDate ?? a.windowStart;
    const keyB = b.dueDate ?? b.windowStart;
    if (keyA !== keyB) {
      return keyA < keyB ? -1 : 1;
    }
    return a.label.localeCompare(b.label, 'fr');
  });
}

function ObligationsTable({
  obligations,
  caption,
  programmeNames,
  agreementNames,
}: {
  obligations: readonly ObligationView[];
  caption: string;
  programmeNames: ReadonlyMap<string, string>;
  agreementNames: ReadonlyMap<string, string>;
}) {
  if (obligations.length === 0) {
    return <p>Aucune échéance sur la période.</p>;
  }
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Échéance</th>
            <th scope="col">Libellé</th>
            <th scope="col">Dispositif ou convention</th>
            <th scope="col">Statut</th>
          </tr>
        </thead>
        <tbody>
          {sortObligations(obligations).map((obligation) => (
            <tr key={`${obligation.ruleCode}:${obligation.periodYear}:${obligation.dueDate ?? obligation.windowStart}`}>
              <td>
                {obligation.dueDate === null ? (
                  <>
                    <span className="nowrap">Sans date</span>
                    <span className="muted small block">
                      du {formatDate(obligation.windowStart)} au {formatDate(obligation.windowEnd)}
                    </span>
                  </>
                ) : (
                  <span className="nowrap">{formatDate(obligation.dueDate)}</span>
                )}
              </td>
              <th scope="row" className="row-header">
                {obligation.label}
                {obligation.beyondPrintedValidity && (
                  <span className="badge badge--neutral">au-delà de la validité imprimée</span>
                )}
                <span className="muted small block">
                  Exercice {obligation.periodYear} — {obligation.dueDateRule}
                  {obligation.sourceRef !== '' && <> ({obligation.sourceRef})</>}
                </span>
              </th>
              <td>
                {obligation.programmeCode === null ? (
                  <Link to={`/conventions/${encodeURIComponent(obligation.agreementCode)}`} className="small">
                    {agreementNames.get(obligation.agreementCode) ?? obligation.agreementCode}
                  </Link>
                ) : (
                  <Link to={`/dispositifs/${encodeURIComponent(obligation.programmeCode)}`}>
                    {programmeNames.get(obligation.programmeCode) ?? obligation.programmeCode}
                  </Link>
                )}
              </td>
              <td>
                <StatusBadge status={obligation.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HomePage() {
  useDocumentTitle('Accueil');
  const { programmes, cards, showDemo } = useProgrammeCards();
  const range = useMemo(() => obligationRange(new Date()), []);
  const obligations = useObligations(range.from, range.to, EXTENDED_AGREEMENTS);
  const agreements = useAgreements();
  const programmeNames = useMemo(
    () => new Map((programmes.data ?? []).map((programme) => [programme.code, programme.name])),
    [programmes.data],
  );
  const agreementNames = useMemo(
    () => new Map((agreements.data ?? []).map((agreement) => [agreement.code, agreement.title])),
    [agreements.data],
  );

  return (
    <>
      <h1>Tableau de bord des conventions</h1>
      <DemoBanner show={showDemo} />
      <section aria-labelledby="titre-dispositifs">
        <h2 id="titre-dispositifs">Dispositifs</h2>
        <QueryResult query={programmes} loading="Chargement des dispositifs…">
          {() => <ProgrammeCardGrid cards={cards} />}
        </QueryResult>
      </section>
      <section aria-labelledby="titre-echeances">
        <h2 id="titre-echeances">Échéances de l’année et des 12 prochains mois</h2>
        <QueryResult query={obligations} loading="Chargement des échéances…">
          {(data) => (
            <ObligationsTable
              obligations={data.obligations}
              caption={`Échéances du ${formatDate(data.from)} au ${formatDate(data.to)}`}
              programmeNames={programmeNames}
              agreementNames={agreementNames}
            />
          )}
        </QueryResult>
      </section>
    </>
  );
}
