import { Link } from 'react-router-dom';
import { useAgreements } from '../api/agreements';
import { useProgrammes } from '../api/programmes';
import { monthsText, periodText, renewalText } from '../agreement-format';
import { QueryResult } from '../components/QueryResult';
import { agreementKindLabel } from '../labels';
import { useDocumentTitle } from '../use-document-title';

/** `/conventions` */
export function AgreementsPage() {
  useDocumentTitle('Conventions');
  const agreements = useAgreements();
  const programmes = useProgrammes();
  const names = new Map((programmes.data ?? []).map((programme) => [programme.code, programme.name]));
  return (
    <>
      <h1>Conventions</h1>
      <p className="lead">Les conventions signées avec les financeurs, leurs signataires et les dispositifs qu’elles financent.</p>
      <QueryResult query={agreements} loading="Chargement des conventions…">
        {(list) =>
          list.length === 0 ? (
            <p>Aucune convention.</p>
          ) : (
            <div className="table-wrapper" tabIndex={0}>
              <table className="data-table">
                <caption>Conventions suivies</caption>
                <thead>
                  <tr>
                    <th scope="col">Convention</th>
                    <th scope="col">Type</th>
                    <th scope="col">Période</th>
                    <th scope="col">Durée</th>
                    <th scope="col">Reconduction</th>
                    <th scope="col">Signataires</th>
                    <th scope="col">Dispositifs</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((agreement) => (
                    <tr key={agreement.code}>
                      <th scope="row" className="row-header">
                        <Link to={`/conventions/${encodeURIComponent(agreement.code)}`}>{agreement.title}</Link>
                      </th>
                      <td>{agreementKindLabel(agreement.kind)}</td>
                      <td>{periodText(agreement)}</td>
                      <td className="nowrap">
                        {agreement.durationMonths === null ? '—' : monthsText(agreement.durationMonths)}
                      </td>
                      <td>{renewalText(agreement)}</td>
                      <td className="num">{agreement.signatories.length}</td>
                      <td>
                        {agreement.programmeCodes.length === 0 ? (
                          '—'
                        ) : (
                          <ul className="plain-list">
                            {agreement.programmeCodes.map((code) => (
                              <li key={code}>
                                <Link to={`/dispositifs/${encodeURIComponent(code)}`}>{names.get(code) ?? code}</Link>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryResult>
    </>
  );
}
