import type { CapacityTargetView, ProgrammeDetail, StaffLineView } from '@sdat/api-types';
import { formatFte, formatNumber } from '@sdat/format';
import { Link } from 'react-router-dom';
import { quantityWithUnit, staffQuantity } from '../../amounts';
import { pilotRoleLabel, unitLabel } from '../../labels';

function capitalise(text: string): string {
  return `${text.charAt(0).toLocaleUpperCase('fr-FR')}${text.slice(1)}`;
}

/** Operator, pilots, public, territory, funders. */
export function ProgrammeFacts({ programme }: { programme: ProgrammeDetail }) {
  return (
    <dl className="facts">
      <dt>Convention</dt>
      <dd>
        <Link to={`/conventions/${encodeURIComponent(programme.agreement.code)}`}>{programme.agreement.title}</Link>
        {programme.annexNumber !== null && <> — annexe {programme.annexNumber}</>}
      </dd>
      <dt>Opérateur</dt>
      <dd>{programme.operator.name}</dd>
      <dt>{programme.pilots.length > 1 ? 'Services pilotes' : 'Service pilote'}</dt>
      <dd>
        {programme.pilots.length === 0
          ? 'Non désigné'
          : programme.pilots.map((pilot) => `${pilot.name} (${pilotRoleLabel(pilot.role)})`).join(', ')}
      </dd>
      <dt>Public visé</dt>
      <dd className="pre-line">{programme.targetPublic ?? 'Non précisé'}</dd>
      <dt>Territoire</dt>
      <dd className="pre-line">{programme.territory ?? 'Non précisé'}</dd>
      <dt>Financeurs</dt>
      <dd>
        {programme.funders.length === 0
          ? 'Non renseignés'
          : programme.funders
              .map((funder) => `${funder.name} (${funder.isSignatory ? 'signataire' : 'non signataire'})`)
              .join(', ')}
      </dd>
    </dl>
  );
}

function orderTargets(targets: readonly CapacityTargetView[]): { target: CapacityTargetView; depth: number }[] {
  const codes = new Set(targets.map((target) => target.code));
  const children = new Map<string, CapacityTargetView[]>();
  targets.forEach((target) => {
    if (target.parentCode !== null && codes.has(target.parentCode)) {
      children.set(target.parentCode, [...(children.get(target.parentCode) ?? []), target]);
    }
  });
  const ordered: { target: CapacityTargetView; depth: number }[] = [];
  const visit = (target: CapacityTargetView, depth: number) => {
    ordered.push({ target, depth });
    (children.get(target.code) ?? []).forEach((child) => visit(child, depth + 1));
  };
  targets
    .filter((target) => target.parentCode === null || !codes.has(target.parentCode))
    .forEach((target) => visit(target, 0));
  return ordered;
}

/** Capacity targets ("220 suivis dont 60 sur Chenôve"), parts indented under their whole. */
export function CapacityTable({ targets }: { targets: readonly CapacityTargetView[] }) {
  if (targets.length === 0) {
    return <p>Aucun objectif de capacité n’est fixé par la convention.</p>;
  }
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>Objectifs de capacité fixés par la convention</caption>
        <thead>
          <tr>
            <th scope="col">Objectif</th>
            <th scope="col" className="num">
              Valeur
            </th>
          </tr>
        </thead>
        <tbody>
          {orderTargets(targets).map(({ target, depth }) => (
            <tr key={target.code}>
              <th scope="row" className="row-header" style={{ paddingLeft: `${0.75 + depth * 1.5}rem` }}>
                {depth > 0 && 'dont '}
                {target.label}
                {target.sourceText !== null && target.sourceText !== '' && (
                  <span className="source block">« {target.sourceText} »</span>
                )}
              </th>
              <td className="num">{quantityWithUnit(target.value, target.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Staff of the programme for the chosen year and basis: FTE, or "postes" when printed in posts. */
export function StaffTable({ lines, title }: { lines: readonly StaffLineView[]; title: string }) {
  if (lines.length === 0) {
    return <p>Aucun effectif renseigné pour le {title.toLocaleLowerCase('fr-FR')}.</p>;
  }
  const fteLines = lines.filter((line) => line.unit === 'fte' && line.quantity !== null);
  const postLines = lines.filter((line) => line.unit === 'posts' && line.quantity !== null);
  const totalFte = fteLines.reduce((sum, line) => sum + (line.quantity ?? 0), 0);
  const totalPosts = postLines.reduce((sum, line) => sum + (line.quantity ?? 0), 0);
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="data-table">
        <caption>Personnel affecté au dispositif — {title}</caption>
        <thead>
          <tr>
            <th scope="col">Qualification</th>
            <th scope="col" className="num">
              Effectif
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={`${line.jobCode}-${index}`}>
              <th scope="row" className="row-header">
                {capitalise(line.jobTitle)}
                {line.demo && <span className="badge badge--demo">démonstration</span>}
              </th>
              <td className="num">{staffQuantity(line)}</td>
            </tr>
          ))}
        </tbody>
        {(fteLines.length > 0 || postLines.length > 0) && (
          <tfoot>
            {fteLines.length > 0 && (
              <tr>
                <th scope="row">Total en équivalents temps plein</th>
                <td className="num">{formatFte(totalFte)}&nbsp;ETP</td>
              </tr>
            )}
            {postLines.length > 0 && (
              <tr>
                <th scope="row">Total en postes</th>
                <td className="num">
                  {formatNumber(totalPosts)}&nbsp;{unitLabel('posts', totalPosts)}
                </td>
              </tr>
            )}
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** The means and results indicators the agreement asks for, as printed. */
export function IndicatorRequirements({ programme }: { programme: ProgrammeDetail }) {
  const means = programme.indicatorRequirements.filter((item) => item.category === 'means');
  const results = programme.indicatorRequirements.filter((item) => item.category === 'results');
  if (means.length === 0 && results.length === 0) {
    return <p>La convention ne liste pas d’indicateurs pour ce dispositif.</p>;
  }
  return (
    <div className="two-columns">
      {[
        { title: 'Indicateurs de moyens', items: means },
        { title: 'Indicateurs de résultats', items: results },
      ].map(({ title, items }) => (
        <div key={title}>
          <h3>{title}</h3>
          {items.length === 0 ? (
            <p>Aucun.</p>
          ) : (
            <ul>
              {items.map((item, index) => (
                <li key={index}>{item.printedLabel}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
