import { MoneyError } from '@sdat/format';
import { CATALOGUE, isApplicable } from './catalogue';
import type { BudgetInput, CapacityInput, ProgrammeYearInput } from './inputs';
import { pickBudget } from './internal/budget';
import { NO_INPUT_REASON, unavailable, type Scope } from './internal/build';
import { calendarYear, periodDays } from './internal/period';
import { IndicatorInputError } from './internal/validate';
import type { IndicatorCode, IndicatorValue, Period, ProgrammeCode } from './types';
import {
  computeAttendance,
  computeHandoverAtExit,
  computeLeaseTransfers,
  computeOutreachContacts,
  computeProfileAge,
  computeProfileSituation,
  computeReferralDecisions,
  computeReferrers,
  computeRefusals,
  computeSiaoReferralShare,
  computeWaitingList,
} from './formulas/activity';
import {
  computeCostPerParticipant,
  computeCumulativeSurplus,
  computeHeadOfficeCap,
  computeHeadOfficeRatio,
  computeNoDeficitCarriedOver,
  computeSocialFundGrowth,
} from './formulas/budget';
import { computePacteParity } from './formulas/compliance';
import {
  computeActiveCaseload,
  computeAvgDurationDays,
  computeEntries,
  computeExits,
  computeMedianDurationDays,
  computeMonthlyCaseload,
  computeOccupancyRate,
  computeSeniorityOfPresentDays,
} from './formulas/episodes';
import { computeFundingByFunder } from './formulas/funding';
import {
  computePayroll,
  computePayrollGrowth,
  computePayrollRatio,
  computeStaffCostRatio,
} from './formulas/payroll';
import { computeFteByJob, computeFteTotal } from './formulas/staff';
import { computeTargetCompletion } from './formulas/targets';

type Runner = (input: ProgrammeYearInput) => IndicatorValue | null;

function withBudget(run: (budget: BudgetInput, input: ProgrammeYearInput) => IndicatorValue): Runner {
  return (input) => (input.budget === undefined ? null : run(input.budget, input));
}

function withField<K extends keyof ProgrammeYearInput>(
  key: K,
  run: (value: NonNullable<ProgrammeYearInput[K]>, input: ProgrammeYearInput) => IndicatorValue,
): Runner {
  return (input) => {
    const value = input[key];
    return value === undefined || value === null ? null : run(value as NonNullable<ProgrammeYearInput[K]>, input);
  };
}

const RUNNERS: Record<IndicatorCode, Runner> = {
  fte_total: withField('staff', (staff) => computeFteTotal(staff)),
  fte_by_job: withField('staff', (staff) => computeFteByJob(staff)),
  payroll: withBudget((budget) => computePayroll(budget)),
  payroll_growth: withBudget((budget, input) => computePayrollGrowth(budget, input.previousBudgets ?? [])),
  payroll_ratio: withBudget((budget, input) =>
    computePayrollRatio(budget, pickBudget(input.previousBudgets, budget.year - 1, budget.basis)),
  ),
  staff_cost_ratio: withBudget((budget) => computeStaffCostRatio(budget)),
  social_fund_growth: withBudget((budget, input) => computeSocialFundGrowth(budget, input.previousBudgets ?? [])),
  cumulative_surplus: (input) => {
    const budgets = [...(input.previousBudgets ?? []), ...(input.budget ? [input.budget] : [])];
    return budgets.length === 0
      ? null
      : computeCumulativeSurplus(budgets, { programmeCode: input.programmeCode, year: input.year });
  },
  head_office_ratio: withBudget((budget) => computeHeadOfficeRatio(budget)),
  funding_by_funder: withField('funding', (funding, input) => computeFundingByFunder(funding, input.budget)),
  cost_per_participant: (input) =>
    input.budget === undefined || input.episodes === undefined
      ? null
      : computeCostPerParticipant(input.budget, input.episodes),
  entries: withField('episodes', (ep) => computeEntries(ep)),
  exits: withField('episodes', (ep) => computeExits(ep)),
  active_caseload: withField('episodes', (ep) => computeActiveCaseload(ep)),
  monthly_caseload: (input) => (input.episodes === undefined ? null : computeMonthlyCaseload(input.episodes)),
  occupancy_rate: (input) => {
    const ep = input.episodes;
    const capacity = input.capacity;
    if (ep === undefined || ep.participantDays === undefined || capacity === undefined) return null;
    const period = { start: ep.periodStart, end: ep.periodEnd };
    const value = computeOccupancyRate({
      programmeCode: ep.programmeCode,
      periodStart: ep.periodStart,
      periodEnd: ep.periodEnd,
      participantDays: ep.participantDays,
      capacity: capacity.places,
      daysOpen: capacity.daysOpen ?? periodDays(period),
    });
    if (capacity.daysOpen === undefined) {
      value.provenance.notes = [
        ...(value.provenance.notes ?? []),
        "Jours d'ouverture non fournis : tous les jours calendaires de la période sont retenus (accompagnement continu).",
      ];
    }
    return value;
  },
  avg_duration_days: withField('episodes', (ep) => computeAvgDurationDays(ep)),
  median_duration_days: withField('episodes', (ep) => computeMedianDurationDays(ep)),
  seniority_of_present_days: withField('episodes', (ep) => computeSeniorityOfPresentDays(ep)),
  waiting_list: withField('waitingList', (v) => computeWaitingList(v)),
  refusals: withField('refusals', (v) => computeRefusals(v)),
  referral_decisions: withField('referralDecisions', (v) => computeReferralDecisions(v)),
  siao_referral_share: withField('referralOutcomes', (v) => computeSiaoReferralShare(v)),
  referrers: withField('referrers', (v) => computeReferrers(v)),
  profile_age: withField('profileAge', (v) => computeProfileAge(v)),
  profile_situation: withField('profileSituation', (v) => computeProfileSituation(v)),
  handover_at_exit: withField('handovers', (v) => computeHandoverAtExit(v)),
  lease_transfers: withField('leaseTransfers', (v) => computeLeaseTransfers(v)),
  attendance: withField('attendance', (v) => computeAttendance(v)),
  outreach_contacts: withField('outreach', (v) => computeOutreachContacts(v)),
  target_completion: withField('episodes', (ep, input) =>
    computeTargetCompletion(ep, input.targets ?? []),
  ),
  head_office_cap: withBudget((budget) => computeHeadOfficeCap(budget)),
  no_deficit_carried_over: withBudget((budget, input) => computeNoDeficitCarriedOver(budget, input.previousBudgets ?? [])),
  pacte_parity: withField('pacteParity', (v) => computePacteParity(v)),
};

function checkScope(input: ProgrammeYearInput): void {
  const mismatch = (what: string, programme: ProgrammeCode): void => {
    if (programme !== input.programmeCode) {
      throw new IndicatorInputError(`${what} : dispositif « ${programme} » au lieu de « ${input.programmeCode} ».`);
    }
  };
  if (input.budget) {
    mismatch('Budget', input.budget.programmeCode);
    if (input.budget.year !== input.year || input.budget.basis !== input.basis) {
      throw new IndicatorInputError(
        `Budget : ${input.budget.year} (${input.budget.basis}) au lieu de ${input.year} (${input.basis}).`,
      );
    }
  }
  for (const budget of input.previousBudgets ?? []) {
    mismatch('Budget antérieur', budget.programmeCode);
    if (budget.year >= input.year) {
      throw new IndicatorInputError(`Budget antérieur : l'année ${budget.year} n'est pas antérieure à ${input.year}.`);
    }
  }
  if (input.funding) mismatch('Financements', input.funding.programmeCode);
  if (input.staff) mismatch('Effectifs', input.staff.programmeCode);
  const activities = [
    input.episodes,
    input.waitingList,
    input.refusals,
    input.referralDecisions,
    input.referralOutcomes,
    input.referrers,
    input.profileAge,
    input.profileSituation,
    input.handovers,
    input.leaseTransfers,
    input.attendance,
    input.outreach,
  ];
  for (const activity of activities) {
    if (activity) mismatch('Activité', activity.programmeCode);
  }
}

/**
 * Runs every catalogue formula applicable to one programme-year, in catalogue order.
 * An applicable indicator whose input is missing is returned with value null and a
 * `no_data` flag (the funder sees what is missing); agreement-level checks (Pacte) are
 * returned only when their input is given. A malformed aggregate (negative count, non-integer
 * cents…) yields value null + `inconsistent_input` for the indicators that use it.
 * Throws `IndicatorInputError` on inputs that belong to another programme or year.
 */
export function computeProgrammeIndicators(input: ProgrammeYearInput): IndicatorValue[] {
  checkScope(input);
  const period: Period = input.period ?? calendarYear(input.year);
  periodDays(period);
  const scope: Scope = { programmeCode: input.programmeCode, year: input.year, basis: input.basis, period };
  const results: IndicatorValue[] = [];
  for (const definition of CATALOGUE) {
    if (!isApplicable(definition, input.programmeCode)) continue;
    let value: IndicatorValue | null;
    try {
      value = RUNNERS[definition.code](input);
    } catch (error) {
      // A malformed aggregate spoils its own indicator only; the others are still computed.
      if (!(error instanceof IndicatorInputError) && !(error instanceof MoneyError)) throw error;
      value = unavailable(definition.code, scope, 'inconsistent_input', `Données incohérentes : ${error.message}`);
    }
    if (value !== null) {
      results.push(value);
    } else if (definition.scope === 'programme') {
      results.push(unavailable(definition.code, scope, 'no_data', NO_INPUT_REASON));
    }
  }
  return results;
}

