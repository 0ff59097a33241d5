import { referenceData } from './data';
import {
  AGE_BANDS,
  COMMUNES,
  EPISODE_KINDS,
  HANDOVERS,
  HOUSEHOLD_SITUATIONS,
  JOB_TITLES,
  REFERRAL_DECISIONS,
  REFERRERS,
} from './code-lists';

describe('code lists', () => {
  const lists = { AGE_BANDS, COMMUNES, EPISODE_KINDS, HANDOVERS, HOUSEHOLD_SITUATIONS, JOB_TITLES, REFERRAL_DECISIONS, REFERRERS };

  it.each(Object.entries(lists))('%s has unique codes and unique labels', (_name, list) => {
    expect(new Set(list.map((i) => i.code)).size).toBe(list.length);
    expect(new Set(list.map((i) => i.label)).size).toBe(list.length);
  });

  it('JOB_TITLES knows every job code of the annexes’ staff lines', () => {
    const known = new Set(JOB_TITLES.map((i) => i.code));
    const used = referenceData.programmes.flatMap((p) => p.staff.map((s) => s.jobCode));
    expect(used.filter((code) => !known.has(code))).toEqual([]);
  });
});
