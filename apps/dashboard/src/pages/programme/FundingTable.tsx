import type { FundingView } from '@sdat/api-types';
import { formatEuros, formatSignedEuros } from '@sdat/format';
import { earmarkLabel } from '../../labels';

/** Funding of a programme for a year: one row per funder, earmarked parts, signatory or not. */
export function FundingTable({ funding }: { funding: FundingView }) {
  if (funding.lines.length === 0) {
    return <p>Aucun financement renseigné pour {funding.year}.</p>;
  }
  const gap = funding.budgetIncomeCents === null ? null : funding.totalCents - funding.budgetIncomeCents;
  return (
    <>
      <div className="table-wrapper" tabIndex={0}>
        <table className="data-table">
          <caption>Financements {funding.year} par financeur</caption>
          <thead>
            <tr>
              <th scope="col">Financeur</th>
              <th scope="col">Libellé</th>
              <th scope="col" className="num">
                Montant
              </th>
              <th scope="col">Parts fléchées</th>
              <th scope="col">Signataire de la convention</th>
            </tr>
          </thead>
          <tbody>
            {funding.lines.map((line, index) => (
              <tr key={`${line.funder.code}-${index}`}>
                <th scope="row" className="row-header">
                  {line.funder.name}
                  {line.demo && <span className="badge badge--demo">démonstration</span>}
                </th>
                <td>{line.label}</td>
                <td className="num">{formatEuros(line.amountCents)}</td>
                <td>
                  {line.earmarks.length === 0
                    ? '—'
                    : line.earmarks.map((earmark) => (
                        <span key={earmark.kind} className="earmark block">
                          dont {earmarkLabel(earmark)}&nbsp;: {formatEuros(earmark.amountCents)}
                        </span>
                      ))}
                </td>
                <td>{line.funderIsSignatory ? 'signataire' : 'non signataire'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total des financements
              </th>
              <td className="num">{formatEuros(funding.totalCents)}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      {funding.budgetIncomeCents !== null && (
        <p>
          Total des produits du budget prévisionnel {funding.year}&nbsp;: {formatEuros(funding.budgetIncomeCents)}
          {gap !== null && gap !== 0 && (
            <>
              {' '}
              — <strong>écart avec les financements&nbsp;: {formatSignedEuros(gap)}</strong>
            </>
          )}
          .
        </p>
      )}
      {funding.note !== null && funding.note !== '' && <p className="note">{funding.note}</p>}
    </>
  );
}
