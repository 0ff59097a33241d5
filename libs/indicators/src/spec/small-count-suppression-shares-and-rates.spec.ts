import { parseEurosToCents as eur } from '@sdat/format';
import {
  applySmallCountSuppression,
  computeAttendance,
  computeOccupancyRate,
  computeOutreachContacts,
  computeProgrammeIndicators,
  computeSiaoReferralShare,
  type BudgetInput,
  type ProgrammeYearInput,
} from '../index';
import { byCode, emasActivity2022, input, item, year } from './fixtures/small-count-inputs';
import { AGREEMENT_2022_TARGETS } from './fixtures/targets-2022';

const apply = (values: Parameters<typeof applySmallCountSuppression>[0]) => applySmallCountSuppression(values, { threshold: 5 });

describe('small counts – shares, means and rates computed on people', () => {
  it('hand-overs at exit (EMAS 2022): 2 SAMSAH and 4 without hand-over masked, and the share that would give them back', () => {
    // 27 exits = 12 CMP + 9 service social + 2 SAMSAH + 4 sans relais; 23/27 with a hand-over.
    // 27 exits are shown by the « sorties » indicator: 23/27 would give back 4 = 27 − 23.
    const handover = byCode(apply(computeProgrammeIndicators(emasActivity2022()))).get('handover_at_exit');
    expect(handover?.details?.map((d) => d.value)).toEqual([12, 9, null, null]);
    expect(handover?.value).toBeNull();
    expect(handover?.exact).toBeUndefined();
    expect(handover?.suppressed?.reason).toBe('small_base');
    expect(handover?.reason).toMatch(/^Valeur calculée sur moins de 5 personnes ou sur un effectif masqué/);
    expect(item(handover, 'cmp')?.share).toEqual({ numerator: 4, denominator: 9 });
  });

  it('SIAO share (ACOR Centre Ville): 3 referrals not sent to the SIAO follow by difference', () => {
    const scope = year('acor-centre-ville');
    const fewOthers = apply([computeSiaoReferralShare({ ...scope, referralsProposed: 50, toSiao: 47 })])[0];
    // 50 − 47 = 3 people referred elsewhere: the 47 and the share 94 % are masked, 50 stays
    expect(input(fewOthers, 'referralsProposed')?.value).toBe(50);
    expect(input(fewOthers, 'toSiao')?.value).toBeNull();
    expect(fewOthers?.value).toBeNull();
    const fewSiao = apply([
      computeSiaoReferralShare({
        ...scope,
        referralsProposed: 48,
        toSiao: 3,
        byDestination: [
          { key: 'siao', label: 'SIAO', count: 3 },
          { key: 'ccas', label: 'CCAS', count: 35 },
          { key: 'health', label: 'Soins', count: 10 },
        ],
      }),
    ])[0];
    // the « siao » destination is the same figure as the SIAO referrals; 10 is its complement
    expect(fewSiao?.details?.map((d) => d.value)).toEqual([null, 35, null]);
    expect(fewSiao?.value).toBeNull();
    expect(fewSiao?.details?.every((d) => d.value === null || d.share !== undefined)).toBe(true);
  });

  it('cost per participant: no amount per person on 4 people', () => {
    const budget: BudgetInput = {
      programmeCode: 'emas',
      year: 2022,
      basis: 'actual',
      lines: [
        { accountCode: null, groupCode: '60', side: 'expenses', label: 'Achats', amountCents: eur('180 000') },
        { accountCode: '741000', groupCode: '74', side: 'income', label: 'Subventions', amountCents: eur('180 000') },
      ],
    };
    const input2022: ProgrammeYearInput = {
      programmeCode: 'emas',
      year: 2022,
      basis: 'actual',
      budget,
      episodes: { ...year('emas'), presentAtStart: 30, entries: 10, exits: 12, distinctParticipants: 4 },
    };
    const out = byCode(apply(computeProgrammeIndicators(input2022)));
    const cost = out.get('cost_per_participant');
    expect(cost?.value).toBeNull();
    expect(cost?.suppressed?.reason).toBe('small_base');
    expect(item(cost, 'participants')?.suppressed?.reason).toBe('small_count');
    // money is not masked
    expect(item(cost, 'expenses')?.value).toBe(eur('180 000'));
    expect(out.get('payroll')).toEqual(byCode(computeProgrammeIndicators(input2022)).get('payroll'));
    // the same distinct participants in the caseload details
    expect(item(out.get('active_caseload'), 'distinct_participants')?.value).toBeNull();
  });

  it('occupancy rate: not computed on fewer than 5 people followed', () => {
    const small: ProgrammeYearInput = {
      programmeCode: 'emas',
      year: 2022,
      basis: 'actual',
      capacity: { places: 40 },
      episodes: { ...year('emas'), presentAtStart: 2, entries: 2, exits: 1, participantDays: 1095 },
    };
    const occupancy = byCode(apply(computeProgrammeIndicators(small))).get('occupancy_rate');
    expect(occupancy?.value).toBeNull();
    expect(item(occupancy, 'participant_days')?.value).toBeNull();
    expect(input(occupancy, 'participantDays')?.value).toBeNull();
    // capacity and days are parameters, not people
    expect(item(occupancy, 'theoretical_days')?.value).toBe(14600);
    expect(input(occupancy, 'capacity')?.value).toBe(40);

    // alone (without the caseload): judged on the mean number of people present per day
    const scope = year('emas');
    const alone = (participantDays: number) =>
      apply([computeOccupancyRate({ ...scope, participantDays, capacity: 40, daysOpen: 365 })])[0]?.value;
    expect(alone(1095)).toBeNull(); // 3 people a day on average
    expect(alone(9125)).toBe(0.625); // 25 people a day
  });

  it('target completion (ACOR Dijon Métropole): Chenôve followed 4 people', () => {
    const input2022: ProgrammeYearInput = {
      programmeCode: 'acor-dijon-metropole',
      year: 2022,
      basis: 'actual',
      targets: [...AGREEMENT_2022_TARGETS],
      episodes: {
        ...year('acor-dijon-metropole'),
        presentAtStart: 150,
        entries: 80,
        exits: 70,
        byTerritory: [{ territoryCode: 'chenove', label: 'Chenôve', presentAtStart: 2, entries: 2, exits: 1 }],
      },
    };
    const out = byCode(apply(computeProgrammeIndicators(input2022)));
    const target = out.get('target_completion');
    expect(target?.value).toBe(230 / 220);
    expect(item(target, 'annual_follow_ups')?.attributes?.['achieved']).toBe(230);
    const chenove = item(target, 'annual_follow_ups_chenove');
    expect(chenove?.value).toBeNull();
    expect(chenove?.exact).toBeUndefined();
    expect(chenove?.attributes).toEqual({ achieved: null, target: 60, measure: 'period_caseload' });
    // the overall status (the worst) would tell the masked one
    expect(target?.status).toBeNull();
    // « dont Chenôve » entries and exits: masked; the rest of the territory is not shown
    expect(item(out.get('entries'), 'territory_chenove')?.suppressed?.reason).toBe('small_count');
    expect(out.get('entries')?.value).toBe(80);
    expect(item(out.get('exits'), 'territory_chenove')?.value).toBeNull();
  });

  it('day-centre visits and outreach contacts are events, not people', () => {
    const scope = year('acor-centre-ville');
    const attendance = apply([computeAttendance({ ...scope, visits: 1250, distinctPeople: 3, openingDays: 250 })])[0];
    // 1 250 visits are shown; the 3 people and the visits per person (1 250 / 3) are not
    expect(attendance?.value).toBe(1250);
    expect(item(attendance, 'distinct_people')?.suppressed?.reason).toBe('small_count');
    expect(item(attendance, 'visits_per_person')?.value).toBeNull();
    expect(item(attendance, 'visits_per_opening_day')?.value).toBe(5);
    // 4 visits bound the people to 1 … 4: masked like a small count
    const few = apply([computeAttendance({ ...scope, visits: 4, distinctPeople: 2, openingDays: 250 })])[0];
    expect(few?.value).toBeNull();
    expect(item(few, 'visits_per_opening_day')?.value).toBeNull();

    const outreach = apply([computeOutreachContacts({ ...scope, contacts: 40, distinctPeople: 3, rounds: 2 })])[0];
    expect(outreach?.value).toBeNull();
    expect(item(outreach, 'contacts')?.value).toBe(40);
    expect(item(outreach, 'contacts_per_person')?.value).toBeNull();
    // outreach rounds are outings of the team
    expect(item(outreach, 'rounds')?.value).toBe(2);
  });
});
