import { generateDemoData } from '../index';
import { yearFigures } from '../testing/aggregates';
import { PROGRAMMES_2022 } from '../testing/inputs-2022';

/**
 * Fixed seed: a few aggregates recounted here from the rows (not taken from the generator), pinned
 * so that any change of the model — or a machine-dependent result — shows up.
 */
describe('generateDemoData — seed 2022', () => {
  const years = [2020, 2021, 2022, 2023];
  const d = generateDemoData(PROGRAMMES_2022, { seed: 2022, years, asOf: '2023-12-31' });

  it('episode flows per programme and year', () => {
    const table: Record<string, string[]> = {};
    for (const p of PROGRAMMES_2022) {
      const episodes = d.episodes.filter((e) => e.programmeCode === p.programmeCode);
      table[p.programmeCode] = years.map((year) => {
        const f = yearFigures(episodes, year);
        return `${year}: entries ${f.entries}, exits ${f.exits}, followed ${f.followed}, open at 31/12 ${f.openAtYearEnd}, mean duration ${f.averageClosedDuration} d`;
      });
    }
    expect(table).toMatchInlineSnapshot(`
      {
        "acor-centre-ville": [
          "2020: entries 154, exits 152, followed 197, open at 31/12 45, mean duration 108 d",
          "2021: entries 147, exits 148, followed 192, open at 31/12 44, mean duration 109 d",
          "2022: entries 121, exits 121, followed 165, open at 31/12 44, mean duration 128 d",
          "2023: entries 139, exits 138, followed 183, open at 31/12 45, mean duration 113 d",
        ],
        "acor-dijon-metropole": [
          "2020: entries 139, exits 140, followed 227, open at 31/12 87, mean duration 231 d",
          "2021: entries 137, exits 140, followed 224, open at 31/12 84, mean duration 248 d",
          "2022: entries 126, exits 125, followed 210, open at 31/12 85, mean duration 222 d",
          "2023: entries 128, exits 127, followed 213, open at 31/12 86, mean duration 262 d",
        ],
        "emas": [
          "2020: entries 81, exits 82, followed 121, open at 31/12 39, mean duration 176 d",
          "2021: entries 79, exits 79, followed 118, open at 31/12 39, mean duration 188 d",
          "2022: entries 72, exits 71, followed 111, open at 31/12 40, mean duration 179 d",
          "2023: entries 76, exits 76, followed 116, open at 31/12 40, mean duration 204 d",
        ],
      }
    `);
  });

  it('commission decisions, Chenôve, waiting lists', () => {
    const decisions: Record<string, Record<string, number>> = {};
    for (const r of d.referrals) {
      const byDecision = (decisions[r.programmeCode] ??= {});
      byDecision[r.decision] = (byDecision[r.decision] ?? 0) + 1;
    }
    const chenove2022 = new Set(
      d.episodes
        .filter((e) => e.programmeCode === 'acor-dijon-metropole' && e.commune === 'Chenôve')
        .filter((e) => e.entryDate <= '2022-12-31' && (e.exitDate === null || e.exitDate >= '2022-01-01'))
        .map((e) => e.participantKey),
    ).size;
    const waitingDecember = Object.fromEntries(
      d.monthlyActivity.filter((m) => m.month.endsWith('-12-01')).map((m) => [`${m.programmeCode} ${m.month}`, m.waitingListEnd]),
    );
    expect({ decisions, chenove2022, waitingDecember }).toMatchInlineSnapshot(`
      {
        "chenove2022": 57,
        "decisions": {
          "acor-centre-ville": {
            "accord": 23,
            "accord_waiting_list": 611,
            "adjournment": 55,
            "rejection": 41,
          },
          "acor-dijon-metropole": {
            "accord_waiting_list": 705,
            "adjournment": 55,
            "rejection": 35,
          },
          "emas": {
            "accord": 50,
            "accord_waiting_list": 341,
            "adjournment": 37,
            "rejection": 25,
          },
        },
        "waitingDecember": {
          "acor-centre-ville 2020-12-01": 17,
          "acor-centre-ville 2021-12-01": 8,
          "acor-centre-ville 2022-12-01": 11,
          "acor-centre-ville 2023-12-01": 8,
          "acor-dijon-metropole 2020-12-01": 33,
          "acor-dijon-metropole 2021-12-01": 22,
          "acor-dijon-metropole 2022-12-01": 33,
          "acor-dijon-metropole 2023-12-01": 19,
          "emas 2020-12-01": 10,
          "emas 2021-12-01": 5,
          "emas 2022-12-01": 11,
          "emas 2023-12-01": 10,
        },
      }
    `);
  });

  it('money: totals, results, social-life fund, funding', () => {
    const euros = (cents: number) => cents / 100;
    const budgets = d.budgets.map((b) => {
      let income = 0;
      let expenses = 0;
      for (const l of b.lines) {
        if (l.amountCents === null) continue;
        if (l.side === 'income') income += l.amountCents;
        else expenses += l.amountCents;
      }
      return `${b.programmeCode} ${b.year}: expenses ${euros(expenses)} €, income ${euros(income)} €`;
    });
    const fund = d.socialLifeFunds.map(
      (s) => `${s.programmeCode} ${s.year}: envelope ${euros(s.envelopeCents)}, used ${euros(s.usedCents)}, carried ${euros(s.carriedOverCents)}`,
    );
    const fundingTotals = d.fundings.reduce<Record<string, number>>((acc, f) => {
      acc[`${f.programmeCode} ${f.year}`] = (acc[`${f.programmeCode} ${f.year}`] ?? 0) + euros(f.amountCents);
      return acc;
    }, {});
    expect({ budgets, fund, fundingTotals }).toMatchInlineSnapshot(`
      {
        "budgets": [
          "acor-centre-ville 2020: expenses 590922 €, income 593754 €",
          "acor-centre-ville 2021: expenses 614287 €, income 610916 €",
          "acor-centre-ville 2022: expenses 686730 €, income 684004 €",
          "acor-centre-ville 2023: expenses 725185 €, income 717810 €",
          "acor-dijon-metropole 2020: expenses 687962 €, income 684420 €",
          "acor-dijon-metropole 2021: expenses 707067 €, income 708642 €",
          "acor-dijon-metropole 2022: expenses 786652 €, income 789009 €",
          "acor-dijon-metropole 2023: expenses 832948 €, income 829166 €",
          "emas 2020: expenses 162650 €, income 156058 €",
          "emas 2021: expenses 166694 €, income 160047 €",
          "emas 2022: expenses 188645 €, income 191154 €",
          "emas 2023: expenses 198811 €, income 196656 €",
        ],
        "fund": [
          "acor-centre-ville 2020: envelope 450, used 452, carried 73",
          "acor-centre-ville 2021: envelope 485, used 454, carried 71",
          "acor-centre-ville 2022: envelope 522, used 596, carried 102",
          "acor-centre-ville 2023: envelope 538, used 501, carried 28",
          "acor-dijon-metropole 2020: envelope 46903, used 46941, carried 403",
          "acor-dijon-metropole 2021: envelope 49832, used 49110, carried 365",
          "acor-dijon-metropole 2022: envelope 48494, used 47192, carried 1087",
          "acor-dijon-metropole 2023: envelope 50954, used 42706, carried 2389",
          "emas 2020: envelope 278, used 267, carried 51",
          "emas 2021: envelope 281, used 339, carried 62",
          "emas 2022: envelope 314, used 274, carried 4",
          "emas 2023: envelope 304, used 295, carried 44",
        ],
        "fundingTotals": {
          "acor-centre-ville 2020": 582203,
          "acor-centre-ville 2021": 606371,
          "acor-centre-ville 2022": 665822,
          "acor-centre-ville 2023": 718749,
          "acor-dijon-metropole 2020": 684420,
          "acor-dijon-metropole 2021": 708642,
          "acor-dijon-metropole 2022": 789009,
          "acor-dijon-metropole 2023": 829166,
          "emas 2020": 100085,
          "emas 2021": 102644,
          "emas 2022": 126400,
          "emas 2023": 131271,
        },
      }
    `);
  });

  it('day centre: attendance and outreach per year', () => {
    const perYear = years.map((year) => {
      const rows = d.monthlyActivity.filter((m) => m.programmeCode === 'acor-centre-ville' && m.month.startsWith(String(year)));
      const sum = (f: (m: (typeof rows)[number]) => number | null) => rows.reduce((s, m) => s + (f(m) ?? 0), 0);
      return `${year}: ${sum((m) => m.openingDays)} days, ${sum((m) => m.attendanceVisits)} visits, ${sum((m) => m.outreachContacts)} outreach contacts`;
    });
    expect(perYear).toMatchInlineSnapshot(`
      [
        "2020: 304 days, 21852 visits, 2103 outreach contacts",
        "2021: 303 days, 22256 visits, 1986 outreach contacts",
        "2022: 305 days, 22708 visits, 2110 outreach contacts",
        "2023: 302 days, 22235 visits, 2165 outreach contacts",
      ]
    `);
  });
});
