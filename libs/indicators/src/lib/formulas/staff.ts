import { bigFraction, type BigFraction } from '../fraction';
import type { StaffInput, StaffLine } from '../inputs';
import { buildValue, fractionItem, numeric, shareExtra, unavailable, type Scope } from '../internal/build';
import { IndicatorInputError } from '../internal/validate';
import type { BreakdownItem, Flag, ProvenanceInput } from '../types';
import { formatFte } from '@sdat/format';

/** FTE are summed in 1/10 000 of FTE so that 0,08 + 0,30 + … is exact. */
const FTE_SCALE = 10000;

function fteUnits(line: StaffLine): number {
  const fte = line.fte;
  if (fte === null || !Number.isFinite(fte) || fte < 0) {
    throw new IndicatorInputError(`ETP invalide pour « ${line.jobTitle} » : ${String(fte)}.`);
  }
  const units = Math.round(fte * FTE_SCALE);
  if (Math.abs(units - fte * FTE_SCALE) > 1e-6) {
    throw new IndicatorInputError(`ETP « ${line.jobTitle} » : 4 décimales au plus (reçu : ${String(fte)}).`);
  }
  return units;
}

function isFteLine(line: StaffLine): boolean {
  return line.unit === 'fte' && line.fte !== null;
}

interface StaffSummary {
  scope: Scope;
  totalUnits: number;
  byJob: { jobCode: string; jobTitle: string; units: number }[];
  withoutFte: StaffLine[];
  inputs: ProvenanceInput[];
  flags: Flag[];
}

function summarise(staff: StaffInput): StaffSummary {
  const scope: Scope = {
    programmeCode: staff.programmeCode,
    year: staff.year,
    basis: staff.basis,
    period: { start: `${staff.year}-01-01`, end: `${staff.year}-12-31` },
  };
  const byJob = new Map<string, { jobCode: string; jobTitle: string; units: number }>();
  const withoutFte: StaffLine[] = [];
  let totalUnits = 0;
  const inputs: ProvenanceInput[] = [];
  for (const line of staff.lines) {
    if (!isFteLine(line)) {
      withoutFte.push(line);
      inputs.push({ kind: 'staff', ref: line.jobCode, label: line.jobTitle, value: line.posts ?? null, unit: 'count' });
      continue;
    }
    const units = fteUnits(line);
    totalUnits += units;
    const entry = byJob.get(line.jobCode) ?? { jobCode: line.jobCode, jobTitle: line.jobTitle, units: 0 };
    entry.units += units;
    byJob.set(line.jobCode, entry);
    inputs.push({ kind: 'staff', ref: line.jobCode, label: line.jobTitle, value: line.fte, unit: 'fte' });
  }
  const flags: Flag[] = [];
  if (withoutFte.length > 0) {
    const list = withoutFte
      .map((line) =>
        line.unit === 'posts' && line.posts !== undefined
          ? `${line.posts} poste${line.posts > 1 ? 's' : ''} « ${line.jobTitle} »`
          : `« ${line.jobTitle} » (quantité non précisée)`,
      )
      .join(', ');
    flags.push({
      code: 'incomplete_data',
      message: `Total partiel : exprimés en postes et non en ETP, exclus du total : ${list}.`,
    });
  }
  return { scope, totalUnits, byJob: [...byJob.values()], withoutFte, inputs, flags };
}

function fteFraction(units: number): BigFraction {
  return bigFraction(units, FTE_SCALE);
}

function withoutFteDetails(lines: StaffLine[]): BreakdownItem[] {
  return lines.map((line) => ({
    key: line.jobCode,
    label: line.jobTitle,
    value: null,
    unit: 'fte' as const,
    attributes: { unit: line.unit, posts: line.posts ?? null },
  }));
}

/** fte_total — Σ FTE of the lines expressed in FTE; lines in posts are flagged and excluded. */
export function computeFteTotal(staff: StaffInput) {
  const s = summarise(staff);
  if (staff.lines.length === 0) {
    return unavailable('fte_total', s.scope, 'no_data', `Aucun effectif déclaré pour ${staff.year}.`);
  }
  const total = fteFraction(s.totalUnits);
  const terms = s.byJob.map((job) => `${formatFte(job.units / FTE_SCALE)} (${job.jobTitle})`).join(' + ');
  return buildValue('fte_total', s.scope, {
    value: numeric(total),
    exact: total,
    details: s.withoutFte.length > 0 ? withoutFteDetails(s.withoutFte) : undefined,
    flags: s.flags,
    inputs: s.inputs,
    formulaText: `ETP = ${terms === '' ? '0' : terms} = ${formatFte(numeric(total))} ETP`,
  });
}

/** fte_by_job — FTE per job title (breakdown adds up to the total), with each share. */
export function computeFteByJob(staff: StaffInput) {
  const s = summarise(staff);
  if (staff.lines.length === 0) {
    return unavailable('fte_by_job', s.scope, 'no_data', `Aucun effectif déclaré pour ${staff.year}.`);
  }
  const total = fteFraction(s.totalUnits);
  const breakdown = s.byJob.map((job) =>
    fractionItem(job.jobCode, job.jobTitle, 'fte', fteFraction(job.units), shareExtra(job.units, s.totalUnits)),
  );
  return buildValue('fte_by_job', s.scope, {
    value: numeric(total),
    exact: total,
    breakdown,
    details: s.withoutFte.length > 0 ? withoutFteDetails(s.withoutFte) : undefined,
    flags: s.flags,
    inputs: s.inputs,
    formulaText: s.byJob.map((job) => `${job.jobTitle} : ${formatFte(job.units / FTE_SCALE)}`).join(' ; ') + ` ; total ${formatFte(numeric(total))} ETP`,
  });
}
