import type { BudgetGroupView, BudgetView, Side } from '@sdat/api-types';
import { accountGroupLabel } from '@sdat/charts';
import { formatEuros } from '@sdat/format';
import { eurosOrDash } from '../../amounts';
import { CheckBadge, hasDifference } from '../../components/CheckBadge';
import { earmarkLabel } from '../../labels';

const SIDE_LABELS: Record<Side, { caption: string; total: string }> = {
  expenses: { caption: 'Charges', total: 'Total des charges' },
  income: { caption: 'Produits', total: 'Total des produits' },
};

function GroupRows({ group }: { group: BudgetGroupView }) {
  return (
    <tbody className={hasDifference(group.subtotal) ? 'group group--warning' : 'group'}>
      <tr className="group-row">
        <th scope="rowgroup" colSpan={3}>
          {group.groupCode} – {accountGroupLabel(group)}
        </th>
        <td className="num">{eurosOrDash(group.subtotal.printedCents)}</td>
        <td className="num">{formatEuros(group.subtotal.computedCents)}</td>
        <td>
          <CheckBadge amount={group.subtotal} />
        </td>
      </tr>
      {group.lines.map((line, index) => (
        <tr key={`${line.accountCode ?? 'sans-code'}-${index}`}>
          <td className="nowrap">{line.accountCode ?? '—'}</td>
          <th scope="row" className="row-header row-header--line">
            {line.label}
            {line.earmarks.map((earmark) => (
              <span key={earmark.kind} className="earmark block">
                dont {earmarkLabel(earmark)}&nbsp;: {formatEuros(earmark.amountCents)}
              </span>
            ))}
          </th>
          <td className="num">{eurosOrDash(line.amountCents)}</td>
          <td colSpan={3} />
        </tr>
      ))}
    </tbody>
  );
}

function SideTable({ budget, side, title }: { budget: BudgetView; side: Side; title: string }) {
  const groups = budget.groups.filter((group) => group.side === side);
  const total = budget.totals[side];
  const labels = SIDE_LABELS[side];
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table budget-table">
        <caption>
          {labels.caption} — {title}
        </caption>
        <thead>
          <tr>
            <th scope="col">Compte</th>
            <th scope="col">Libellé</th>
            <th scope="col" className="num">
              Montant
            </th>
            <th scope="col" className="num">
              Sous-total imprimé
            </th>
            <th scope="col" className="num">
              Sous-total calculé
            </th>
            <th scope="col">Contrôle</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <GroupRows key={group.groupCode} group={group} />
        ))}
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {labels.total}
            </th>
            <td className="num">{eurosOrDash(total.printedCents)}</td>
            <td className="num">{formatEuros(total.computedCents)}</td>
            <td>
              <CheckBadge amount={total} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** "Excédent de 1 234 €", "Déficit de 1 234 €", "Équilibre". */
export function operatingResultText(cents: number): string {
  if (cents > 0) {
    return `Excédent de ${formatEuros(cents)}`;
  }
  if (cents < 0) {
    return `Déficit de ${formatEuros(-cents)}`;
  }
  return 'Équilibre (0\u00a0€)';
}

/** The budget, one table per side, grouped by account group, printed and computed side by side. */
export function BudgetTables({ budget, title }: { budget: BudgetView; title: string }) {
  const differences = [
    ...budget.groups.filter((group) => hasDifference(group.subtotal)),
    ...(['expenses', 'income'] as const).filter((side) => hasDifference(budget.totals[side])),
  ].length;
  return (
    <>
      {differences > 0 && (
        <div className="alert alert--warning">
          <p>
            <strong>
              {differences === 1
                ? '1 montant imprimé diffère de la somme de ses lignes.'
                : `${differences} montants imprimés diffèrent de la somme de leurs lignes.`}
            </strong>{' '}
            Le document n’est pas corrigé : le montant imprimé et le montant recalculé sont affichés côte à côte.
          </p>
        </div>
      )}
      <SideTable budget={budget} side="expenses" title={title} />
      <SideTable budget={budget} side="income" title={title} />
      <dl className="facts facts--inline">
        <dt>Résultat d’exploitation (produits − charges calculés)</dt>
        <dd>
          <strong className={budget.operatingResultCents < 0 ? 'text-danger' : undefined}>
            {operatingResultText(budget.operatingResultCents)}
          </strong>
        </dd>
      </dl>
    </>
  );
}
