import { applySmallCountSuppression, computeProgrammeIndicators, type ProgrammeYearInput } from '../index';
import { byCode, emasActivity2022, input, item, year } from './fixtures/small-count-inputs';
import { AGREEMENT_2022_TARGETS } from './fixtures/targets-2022';

const MASKED_TEXT = 'Détail masqué : effectifs inférieurs à 5 personnes (règle des petits effectifs).';

describe('small counts – caseload flows of one programme-year', () => {
  it('3 entries (EMAS 2022): masked in every indicator that shows them, with their complement', () => {
    // followed = 35 present on 1 January + 3 entries = 38: with 38 shown, 35 would give back 3
    const out = byCode(applySmallCountSuppression(computeProgrammeIndicators(emasActivity2022()), { threshold: 5 }));
    const entries = out.get('entries');
    expect(entries?.value).toBeNull();
    expect(entries?.suppressed).toEqual({ reason: 'small_count', threshold: 5, below: 5 });
    expect(entries?.reason).toBe('Effectif inférieur à 5 personnes : valeur masquée (règle des petits effectifs).');
    expect(input(entries, 'entries')?.value).toBeNull();
    expect(entries?.provenance.formulaText).toBe(MASKED_TEXT);

    const caseload = out.get('active_caseload');
    expect(caseload?.value).toBe(38);
    expect(item(caseload, 'entries')?.suppressed?.reason).toBe('small_count');
    expect(caseload?.breakdown?.find((b) => b.key === 'present_at_start')?.suppressed?.reason).toBe('complementary');
    // the details carry the same figure: masked there too, and in the provenance
    expect(caseload?.details?.find((d) => d.key === 'at_start')?.value).toBeNull();
    expect(input(caseload, 'presentAtStart')?.value).toBeNull();
    expect(caseload?.breakdown?.every((b) => b.share === undefined)).toBe(true);
    // exits 27 and present at the end 11 stay: 38 − 27 = 11 discloses nothing masked
    expect(item(caseload, 'exits')?.value).toBe(27);
    expect(item(caseload, 'at_end')?.value).toBe(11);
    expect(out.get('exits')?.value).toBe(27);
  });

  it('3 exits: present at the end is the complement, and every figure on it follows', () => {
    // 30 + 12 = 42 followed, 3 exits (small), 39 present at the end = 42 − 3
    const scope = year('emas');
    const input2022: ProgrammeYearInput = {
      programmeCode: 'emas',
      year: 2022,
      basis: 'actual',
      capacity: { places: 40 },
      targets: [...AGREEMENT_2022_TARGETS],
      episodes: {
        ...scope,
        presentAtStart: 30,
        entries: 12,
        exits: 3,
        participantDays: 13870,
        closedDurations: [{ durationDays: 200, count: 3 }],
        openSeniority: [
          { durationDays: 100, count: 12 },
          { durationDays: 500, count: 27 },
        ],
      },
    };
    const out = byCode(applySmallCountSuppression(computeProgrammeIndicators(input2022), { threshold: 5 }));
    expect(out.get('exits')?.suppressed?.reason).toBe('small_count');
    const caseload = out.get('active_caseload');
    expect(caseload?.value).toBe(42);
    expect(item(caseload, 'at_end')?.suppressed?.reason).toBe('complementary');
    expect(caseload?.breakdown?.map((b) => b.value)).toEqual([30, 12]);

    // mean and median duration on 3 closed episodes: masked with all their terms
    const avg = out.get('avg_duration_days');
    expect(avg?.value).toBeNull();
    expect(avg?.exact).toBeUndefined();
    expect(avg?.suppressed?.reason).toBe('small_base');
    const bands = (avg?.details ?? []).filter((d) => /^\d/.test(d.key));
    expect(avg?.details?.filter((d) => !bands.includes(d)).map((d) => d.value)).toEqual([null, null, null]);
    // the distribution of the durations: empty bands say 0 (nobody), the others are masked
    expect(bands.map((d) => d.value ?? d.suppressed?.reason)).toEqual([0, 0, 'small_count', 0, 0]);
    expect(avg?.provenance.inputs.map((i) => i.value)).toEqual([null, null]);
    // the « fewer than 5 closed episodes » flag no longer quotes the number
    expect(avg?.flags.find((f) => f.code === 'unreliable_small_sample')?.message).toBe('Moins de 5 parcours terminés : résultat peu fiable.');
    expect(out.get('median_duration_days')?.value).toBeNull();
    expect(item(out.get('median_duration_days'), 'censored')?.suppressed?.reason).toBe('complementary');

    // 39 open episodes (masked as complement) = 12 + 27 by seniority band: one band masked too,
    // the mean seniority and the sum would give 39 back (3 720 / 39 …): masked
    const seniority = out.get('seniority_of_present_days');
    expect(item(seniority, 'open_episodes')?.value).toBeNull();
    expect(item(seniority, '91_182')?.suppressed?.reason).toBe('complementary');
    expect(item(seniority, '366_730')?.value).toBe(27);
    expect(item(seniority, '366_730')?.share).toBeUndefined();
    expect(seniority?.value).toBeNull();
    expect(input(seniority, 'sumSeniorityDays')?.value).toBeNull();

    // the caseload target (EMAS: 40 at the end of the period) is computed on the masked 39
    const target = out.get('target_completion');
    expect(target?.value).toBeNull();
    expect(target?.status).toBeNull();
    expect(target?.details?.[0]?.attributes).toEqual({ achieved: null, target: 40, measure: 'caseload_at_end' });
    expect(target?.details?.[0]?.status).toBeNull();
    expect(input(target, 'active_caseload_target')?.value).toBe(40);
    expect(target?.provenance.formulaText).toBe(MASKED_TEXT);
  });

  it('across years: present on 1 January N+1 is present on 31 December N', () => {
    const scope2021 = year('emas', 2021);
    const y2021: ProgrammeYearInput = {
      programmeCode: 'emas',
      year: 2021,
      basis: 'actual',
      episodes: { ...scope2021, presentAtStart: 30, entries: 25, exits: 20 },
    };
    const y2022 = emasActivity2022(); // 35 present on 1 January 2022, 3 entries
    const together = applySmallCountSuppression(
      [...computeProgrammeIndicators(y2021), ...computeProgrammeIndicators(y2022)],
      { threshold: 5 },
    );
    const caseload2021 = together.find((v) => v.code === 'active_caseload' && v.year === 2021);
    // 35 is masked in 2022 (complement of the 3 entries): shown in 2021 it would give them back
    expect(item(caseload2021, 'at_end')?.value).toBeNull();
    // and 55 followed in 2021 − 35 = 20 exits: the exits of 2021 are masked in turn
    expect(caseload2021?.value).toBe(55);
    expect(item(caseload2021, 'exits')?.suppressed?.reason).toBe('complementary');
    expect(together.find((v) => v.code === 'exits' && v.year === 2021)?.value).toBeNull();
    // values of each year keep their own programme-year
    expect(together.find((v) => v.code === 'entries' && v.year === 2021)?.value).toBe(25);
  });
});
