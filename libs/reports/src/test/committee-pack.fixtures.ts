import type { FundingView } from '@sdat/api-types';
import {
  applySmallCountSuppression,
  computePacteParity,
  computeProgrammeIndicators,
  DEFAULT_SMALL_COUNT_THRESHOLD,
  type BudgetInput,
  type IndicatorValue,
  type ProgrammeCode,
  type ProgrammeYearInput,
} from '@sdat/indicators';
import type { CommitteePackData, CommitteePackProgramme } from '../lib/committee-pack/types';
import { centreVille2022, emas2022 } from './fixtures';

/**
 * Test fixtures of the « comité de suivi » pack (agreement « convention-cadre-sdat-2022 », year 2022):
 * - 2022: what the API answered on the demo data (the annual report fixtures: indicators on the
 *   actual basis, funding by funder), passed through the small-count rule as the API does for
 *   the committee;
 * - 2021 and 2020: indicators computed by `computeProgrammeIndicators` from hypothetical budgets and
 *   activity aggregates, then through the small-count rule. EMAS 2021 had 3 entries: masked « < 5 »;
 *   EMAS 2020 has no data at all (indicators []);
 * - ACOR Dijon Métropole: no data and no funding, its report still « projet » after its due date;
 * - the Pacte parity check of 2022 (agreement level), not compliant (Métropole short on an action).
 */

/** The masked entries of EMAS 2021 (small count). */
export const EMAS_2021_HIDDEN_ENTRIES = 3;
export const GENERATED_AT = '2023-04-03T08:15:00Z';


function budget(programmeCode: ProgrammeCode, year: number, amounts: { purchases: number; salaries: number; social: number; headOffice: number; subsidies: number }): BudgetInput {
  return {
    programmeCode,
    year,
    basis: 'actual',
    lines: [
      { accountCode: '606300', groupCode: '60', side: 'expenses', label: 'Fournitures', amountCents: amounts.purchases },
      { accountCode: '641100', groupCode: '64', side: 'expenses', label: 'Salaires', amountCents: amounts.salaries },
      { accountCode: '645100', groupCode: '64', side: 'expenses', label: 'Charges sociales', amountCents: amounts.social },
      { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'Frais de siège', amountCents: amounts.headOffice },
      { accountCode: '741000', groupCode: '74', side: 'income', label: 'Subventions', amountCents: amounts.subsidies },
    ],
  };
}

function activityYear(programmeCode: ProgrammeCode, year: number, counts: { atStart: number; entries: number; exits: number; days: number; places: number }): ProgrammeYearInput['episodes'] {
  return {
    programmeCode,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    presentAtStart: counts.atStart,
    entries: counts.entries,
    exits: counts.exits,
    participantDays: counts.days,
    closedDurations: [{ durationDays: 150, count: counts.exits }],
  };
}

/** Indicators of a programme-year computed from a budget and activity aggregates (before the small-count rule). */
function computed(current: BudgetInput, counts: Parameters<typeof activityYear>[2], previous: BudgetInput[], fte: number): IndicatorValue[] {
  const { programmeCode, year } = current;
  return computeProgrammeIndicators({
      programmeCode,
      year,
      basis: 'actual',
      budget: current,
      previousBudgets: previous,
      staff: { programmeCode, year, basis: 'actual', lines: [{ jobCode: 'social_worker', jobTitle: 'Travailleur social', fte, unit: 'fte' }] },
      episodes: activityYear(programmeCode, year, counts),
      capacity: { places: counts.places },
  });
}

/**
 * The years of a programme through the small-count rule in ONE call, as the API does for the
 * committee: identities across years (caseload carried over) are taken into account.
 */
function suppressedYears(years: { year: number; demo: boolean; indicators: IndicatorValue[] }[], threshold: number): CommitteePackProgramme['years'] {
  const all = applySmallCountSuppression(years.flatMap((entry) => entry.indicators), { threshold });
  return years.map((entry) => ({ year: entry.year, basis: 'actual', demo: entry.demo, indicators: all.filter((indicator) => indicator.year === entry.year) }));
}

const emasBudget2020 = budget('emas', 2020, { purchases: 1_200_000, salaries: 5_400_000, social: 2_100_000, headOffice: 480_000, subsidies: 9_250_000 });
const emasBudget2021 = budget('emas', 2021, { purchases: 1_310_000, salaries: 5_650_000, social: 2_230_000, headOffice: 495_000, subsidies: 9_690_000 });
const cvBudget2019 = budget('acor-centre-ville', 2019, { purchases: 5_200_000, salaries: 30_100_000, social: 11_900_000, headOffice: 2_550_000, subsidies: 49_800_000 });
const cvBudget2020 = budget('acor-centre-ville', 2020, { purchases: 5_420_000, salaries: 31_050_000, social: 12_310_000, headOffice: 2_640_000, subsidies: 51_460_000 });
const cvBudget2021 = budget('acor-centre-ville', 2021, { purchases: 5_610_000, salaries: 31_880_000, social: 12_630_000, headOffice: 2_790_000, subsidies: 52_950_000 });

/** EMAS 2021 indicators: 3 entries (masked « < 5 » by the small-count rule). */
export function emas2021Indicators(): IndicatorValue[] {
  return computed(
    emasBudget2021,
    { atStart: 58, entries: EMAS_2021_HIDDEN_ENTRIES, exits: 22, days: 12_410, places: 40 },
    [emasBudget2020],
    2.85,
  );
}

function emasProgramme(threshold: number): CommitteePackProgramme {
  const real = emas2022();
  return {
    programme: {
      code: real.programme.code,
      name: real.programme.name,
      operator: real.programme.operator.name,
      pilots: real.programme.pilots.map((pilot) => pilot.name),
    },
    report: { status: 'validé', version: 2, dueDate: real.dueDate, validatedAt: '2023-03-10T14:02:00Z' },
    years: suppressedYears([
      { year: 2020, demo: true, indicators: [] },
      { year: 2021, demo: true, indicators: emas2021Indicators() },
      { year: 2022, demo: real.demo, indicators: real.indicators.actual?.indicators ?? [] },
    ], threshold),
    funding: real.funding.actual,
  };
}

function centreVilleProgramme(threshold: number): CommitteePackProgramme {
  const real = centreVille2022();
  return {
    programme: {
      code: real.programme.code,
      name: real.programme.name,
      operator: real.programme.operator.name,
      pilots: real.programme.pilots.map((pilot) => pilot.name),
    },
    report: { status: 'transmis', version: 1, dueDate: real.dueDate, validatedAt: null },
    years: suppressedYears([
      { year: 2020, demo: true, indicators: computed(cvBudget2020, { atStart: 41, entries: 118, exits: 112, days: 17_300, places: 50 }, [cvBudget2019], 9.6) },
      { year: 2021, demo: true, indicators: computed(cvBudget2021, { atStart: 47, entries: 126, exits: 129, days: 17_950, places: 50 }, [cvBudget2019, cvBudget2020], 9.9) },
      { year: 2022, demo: real.demo, indicators: real.indicators.actual?.indicators ?? [] },
    ], threshold),
    funding: real.funding.actual,
  };
}

function dijonMetropoleProgramme(): CommitteePackProgramme {
  return {
    programme: { code: 'acor-dijon-metropole', name: 'ACOR Dijon Métropole', operator: "Société Dijonnaise de l'Assistance par le Travail (SDAT)", pilots: ['Dijon Métropole'] },
    report: { status: 'projet', version: 1, dueDate: '2023-03-15', validatedAt: null },
    years: [
      { year: 2020, basis: 'actual', demo: false, indicators: [] },
      { year: 2021, basis: 'actual', demo: false, indicators: [] },
      { year: 2022, basis: 'actual', demo: false, indicators: [] },
    ],
    funding: null,
  };
}

/** Pacte de solidarité 2022 (hypothetical amounts): the Métropole 5 000 € short of the State on action 2.1. */
export function pacteParity2022(): IndicatorValue {
  return computePacteParity({
    year: 2022,
    actions: [
      { code: '1.1', label: 'Professionnels dédiés aux démarches administratives', stateCents: 7_600_000, metropoleCents: 7_600_000 },
      { code: '2.1', label: 'Accompagnement renforcé logement', stateCents: 6_650_000, metropoleCents: 6_150_000 },
    ],
  });
}

/**
 * The pack's data for 2022, as the API would fill it. `threshold`: of the small-count rule
 * (default 5; 1 masks nothing — the control case of the privacy tests).
 */
export function committeePack2022(threshold: number = DEFAULT_SMALL_COUNT_THRESHOLD): CommitteePackData {
  const real = emas2022();
  const agreement = real.agreement;
  if (!agreement) throw new Error('convention absente de la fixture');
  return {
    agreement: {
      code: agreement.code,
      title: agreement.title,
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      signatories: agreement.signatories.map((signatory) => ({ name: signatory.name, role: signatory.role })),
    },
    year: 2022,
    basis: 'actual',
    demo: true,
    programmes: [centreVilleProgramme(threshold), dijonMetropoleProgramme(), emasProgramme(threshold)],
    agreementChecks: [pacteParity2022()],
  };
}

/** Sum of a funding view's lines for a funder (integer cents). */
export function funderCents(funding: FundingView | null, funderCode: string): number {
  return (funding?.lines ?? []).filter((line) => line.funder.code === funderCode).reduce((total, line) => total + line.amountCents, 0);
}
