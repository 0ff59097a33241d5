import { getDefinition } from '../catalogue';
import { bigFraction } from '../fraction';
import type { EpisodeAggregates, ProgrammeTarget } from '../inputs';
import { buildValue, fractionItem, numeric, statusFor, unavailable, worstStatus } from '../internal/build';
import { count, percent } from '../internal/text';
import type { BreakdownItem, Flag, ProvenanceInput } from '../types';
import { activityScope } from './episodes';
import { partialYearFlags } from '../internal/period';

function achieved(ep: EpisodeAggregates, target: ProgrammeTarget): number | null {
  let flows: { presentAtStart: number; entries: number; exits: number; presentAtEnd?: number } = ep;
  if (target.territoryCode !== undefined) {
    const territory = ep.byTerritory?.find((t) => t.territoryCode === target.territoryCode);
    if (territory === undefined) return null;
    flows = territory;
  }
  if (target.measure === 'period_caseload') {
    return flows.presentAtStart + flows.entries;
  }
  if (flows.presentAtEnd !== undefined) return flows.presentAtEnd;
  const derived = flows.presentAtStart + flows.entries - flows.exits;
  return derived >= 0 ? derived : null;
}

const MEASURE_LABEL: Record<ProgrammeTarget['measure'], string> = {
  period_caseload: 'suivis sur la période (présents au début + entrées)',
  caseload_at_end: 'file active en fin de période',
};

/**
 * target_completion — achieved / target for each numeric target of the programme
 * (ACOR Dijon Métropole: 220 follow-ups of which 60 in Chenôve; EMAS: active caseload 40).
 * Main value: the first target; status: the worst of the targets.
 */
export function computeTargetCompletion(ep: EpisodeAggregates, targets: readonly ProgrammeTarget[]) {
  const scope = activityScope(ep);
  const definition = getDefinition('target_completion');
  const applicable = targets.filter((t) => t.programmeCode === ep.programmeCode);
  const flags: Flag[] = partialYearFlags({ start: ep.periodStart, end: ep.periodEnd });
  if (applicable.length === 0) {
    return unavailable('target_completion', scope, 'not_computable', 'Aucun objectif chiffré pour ce dispositif.', { flags });
  }
  const inputs: ProvenanceInput[] = [];
  const details: BreakdownItem[] = [];
  const texts: string[] = [];
  for (const target of applicable) {
    const done = achieved(ep, target);
    inputs.push(
      { kind: 'count', ref: target.key, label: `${target.label} : ${MEASURE_LABEL[target.measure]}`, value: done, unit: 'count' },
      { kind: 'parameter', ref: `${target.key}_target`, label: `Objectif : ${target.label}`, value: target.value, unit: 'count' },
    );
    if (done === null || target.value <= 0) {
      details.push({ key: target.key, label: target.label, value: null, unit: 'ratio', status: null, attributes: { achieved: done, target: target.value } });
      flags.push({
        code: 'incomplete_data',
        message:
          done === null
            ? `${target.label} : réalisé non disponible${target.territoryCode ? ` pour le territoire « ${target.territoryCode} »` : ''}.`
            : `${target.label} : objectif nul, taux non calculable.`,
      });
      texts.push(`${target.label} : n.c.`);
      continue;
    }
    const completion = bigFraction(done, target.value);
    const status = definition.target ? statusFor(completion, definition.target) : null;
    details.push(
      fractionItem(target.key, target.label, 'ratio', completion, {
        status,
        attributes: { achieved: done, target: target.value, measure: target.measure },
      }),
    );
    texts.push(`${target.label} : ${count(done)} / ${count(target.value)} = ${percent(numeric(completion))}`);
  }
  const main = details[0];
  const mainTarget = applicable[0];
  const mainExact = main?.exact;
  if (main === undefined || main.value === null || mainExact === undefined || mainTarget === undefined) {
    return unavailable('target_completion', scope, 'no_data', `Réalisé non disponible pour l'objectif principal (${mainTarget?.label ?? ''}).`, {
      inputs,
      details,
      flags,
    });
  }
  return buildValue('target_completion', scope, {
    value: main.value,
    exact: bigFraction(mainExact.numerator, mainExact.denominator),
    details,
    target: definition.target ? { ...definition.target, key: mainTarget.key } : undefined,
    status: worstStatus(details.map((d) => d.status)),
    flags,
    inputs,
    formulaText: texts.join(' ; '),
  });
}
