import type { ReconciliationFindingView } from '@sdat/api-types';
import { useAgreements } from '../api/agreements';
import { useProgrammes } from '../api/programmes';
import { useReconciliation } from '../api/reconciliation';
import { FindingsTable } from '../components/FindingsTable';
import { QueryResult } from '../components/QueryResult';
import { severityLabel } from '../labels';
import { useDocumentTitle } from '../use-document-title';

const SEVERITY_ORDER: ReconciliationFindingView['severity'][] = ['error', 'warning', 'info'];

/** `/ecarts`: every reconciliation finding. */
export function FindingsPage() {
  useDocumentTitle('Écarts relevés');
  const findings = useReconciliation();
  const programmes = useProgrammes();
  const agreements = useAgreements();
  const programmeNames = new Map((programmes.data ?? []).map((programme) => [programme.code, programme.name]));
  const agreementNames = new Map((agreements.data ?? []).map((agreement) => [agreement.code, agreement.title]));
  return (
    <>
      <h1>Écarts relevés</h1>
      <p className="lead">
        Les montants imprimés dans les documents signés sont comparés à ce que donnent leurs lignes. Les documents
        ne sont jamais corrigés : le montant imprimé et le montant calculé sont conservés côte à côte.
      </p>
      <QueryResult query={findings} loading="Chargement des écarts…">
        {(list) => (
          <>
            {list.length > 0 && (
              <ul className="summary-list" aria-label="Nombre d’écarts par gravité">
                {SEVERITY_ORDER.map((severity) => {
                  const count = list.filter((finding) => finding.severity === severity).length;
                  return count === 0 ? null : (
                    <li key={severity}>
                      {severityLabel(severity)}&nbsp;: <strong>{count}</strong>
                    </li>
                  );
                })}
              </ul>
            )}
            <FindingsTable
              findings={list}
              caption="Écarts entre montants imprimés et montants calculés"
              programmeNames={programmeNames}
              agreementNames={agreementNames}
            />
          </>
        )}
      </QueryResult>
    </>
  );
}
