/**
 * Independent check of the 2022 budgets and funding tables against the RAW document 001.
 * The parser below reads `../shared/seeds/001_*.txt` itself (tab-separated rows such as
 * "606120 - eau, électricité, chauffage\t18 782\t") and does not use the library's helpers.
 */
import { referenceData } from './data';
import { readSeed } from './testing/seed-files';

interface RawLine {
  accountCode: string | null;
  label: string;
  printedLabel: string;
  printed: string;
  subtotalColumn: string;
}

interface RawGroup {
  groupCode: string;
  side: 'expenses' | 'income';
  label: string;
  printedLabel: string;
  printedSubtotal: string;
  notes: string[];
  lines: RawLine[];
}

interface RawFunding {
  printedLabel: string;
  printed: string;
  continuation: string[];
}

interface RawBudget {
  headerLines: string[];
  fundings: RawFunding[];
  groups: RawGroup[];
  totalExpenses: string;
  totalIncome: string;
}

/** "18 782" → 1878200, "3 960.00" → 396000, "" → null. Written independently of the library. */
function toCents(text: string): number | null {
  const t = text.replace(/€/g, '').split(' ').join('').trim();
  if (t === '') return null;
  const [euros, decimals] = t.split(/[.,]/);
  if (!/^\d+$/.test(euros ?? '') || (decimals !== undefined && !/^\d{2}$/.test(decimals))) {
    throw new Error(`amount? ${text}`);
  }
  return Number(euros) * 100 + (decimals === undefined ? 0 : Number(decimals));
}

function parseSeed001(text: string): RawBudget[] {
  const rows = text.split('\n');
  const starts = rows.flatMap((r, i) => (r.startsWith('Financement pour 2022') ? [i] : []));
  return starts.map((start) => {
    let i = start + 1;
    const fundings: RawFunding[] = [];
    const headerLines: string[] = [];
    // Funding table and budget heading, up to the first group of the budget ("60 - ACHATS…").
    for (; !/^60 - /.test(rows[i] ?? ''); i++) {
      const row = rows[i] ?? '';
      if (i >= rows.length) throw new Error('budget not found');
      if (row.includes('\t') && row.includes('€')) {
        const [first, ...rest] = row.split('\t');
        const amount = rest.join('\t');
        if ((first ?? '') === '') {
          fundings[fundings.length - 1]?.continuation.push(amount);
        } else {
          fundings.push({ printedLabel: first ?? '', printed: amount, continuation: [] });
        }
      } else if (row.trim() !== '' && fundings.length > 0) {
        headerLines.push(row.trim());
      }
    }
    const groups: RawGroup[] = [];
    let side: 'expenses' | 'income' = 'expenses';
    let totalExpenses = '';
    let totalIncome = '';
    for (; i < rows.length; i++) {
      const row = rows[i] ?? '';
      if (!row.includes('\t')) continue;
      const [c0 = '', c1 = '', c2 = ''] = row.split('\t');
      if (c0.startsWith('TOTAL DES CHARGES')) {
        totalExpenses = c2;
        side = 'income';
        continue;
      }
      if (c0.startsWith('TOTAL DES PRODUITS')) {
        totalIncome = c2;
        break;
      }
      const group = groups[groups.length - 1];
      let m = /^-?(\d{6}) - (.*)$/.exec(c0);
      if (m) {
        group?.lines.push({ accountCode: m[1] ?? '', label: m[2] ?? '', printedLabel: c0, printed: c1, subtotalColumn: c2 });
        continue;
      }
      m = /^- (.*)$/.exec(c0);
      if (m) {
        group?.lines.push({ accountCode: null, label: m[1] ?? '', printedLabel: c0, printed: c1, subtotalColumn: c2 });
        continue;
      }
      m = /^(\d{2}(?:\/\d{2})?)(?: - | )(.*)$/.exec(c0);
      if (m && c1 === '') {
        groups.push({ groupCode: m[1] ?? '', side, label: m[2] ?? '', printedLabel: c0, printedSubtotal: c2, notes: [], lines: [] });
        continue;
      }
      if (c0.startsWith('(') && c1 === '' && c2 === '') {
        group?.notes.push(c0);
        continue;
      }
      throw new Error(`unexpected budget row: ${row}`);
    }
    return { headerLines, fundings, groups, totalExpenses, totalIncome };
  });
}

const raw = parseSeed001(readSeed(__dirname, '001_'));
const programmeOrder = [...referenceData.programmes].sort((a, b) => a.annex - b.annex).map((p) => p.code);

describe('seed 001 – budgets 2022 parsed from the raw document', () => {
  it('finds the three budgets of annexes 1 to 3', () => {
    expect(raw).toHaveLength(3);
    expect(referenceData.budgets.map((b) => b.programmeCode)).toEqual(programmeOrder);
  });

  programmeOrder.forEach((code, index) => {
    const budget = referenceData.budgets.find((b) => b.programmeCode === code);
    const parsed = raw[index];
    if (!budget || !parsed) throw new Error(`missing budget ${code}`);

    describe(code, () => {
      it('has the printed title in the heading block', () => {
        const heading = parsed.headerLines.join(' ');
        expect(heading).toContain(budget.title);
      });

      it('has the same groups, in the same order, with code, label and subtotal as printed', () => {
        expect(budget.groups.map((g) => [g.groupCode, g.side, g.printedLabel, g.label, g.printedSubtotal, g.notes ?? []])).toEqual(
          parsed.groups.map((g) => [g.groupCode, g.side, g.printedLabel, g.label, g.printedSubtotal, g.notes]),
        );
        for (const [i, g] of budget.groups.entries()) {
          expect(g.printedSubtotalCents).toBe(toCents(parsed.groups[i]?.printedSubtotal ?? ''));
        }
      });

      it('has every printed line with the same code, label and amount — and no other line', () => {
        const ours = budget.groups.flatMap((g) =>
          g.lines.map((l) => ({
            group: g.groupCode,
            accountCode: l.accountCode,
            label: l.label,
            printedLabel: l.printedLabel,
            printed: l.printed,
            amountCents: l.amountCents,
            subtotalColumn: l.printedInSubtotalColumn ?? '',
          })),
        );
        const theirs = parsed.groups.flatMap((g) =>
          g.lines.map((l) => ({
            group: g.groupCode,
            accountCode: l.accountCode,
            label: l.label,
            printedLabel: l.printedLabel,
            printed: l.printed,
            amountCents: toCents(l.printed),
            subtotalColumn: l.subtotalColumn,
          })),
        );
        expect(ours).toEqual(theirs);
      });

      it('keeps the printed grand totals', () => {
        expect(budget.printedTotalExpenses).toBe(parsed.totalExpenses);
        expect(budget.printedTotalIncome).toBe(parsed.totalIncome);
        expect(budget.printedTotalExpensesCents).toBe(toCents(parsed.totalExpenses));
        expect(budget.printedTotalIncomeCents).toBe(toCents(parsed.totalIncome));
      });

      it('parses every "(dt … €" note of a line into its Ségur earmark', () => {
        for (const line of budget.groups.flatMap((g) => g.lines)) {
          const m = /\(dt ([\d ]+) €/.exec(line.printedLabel);
          const earmark = (line.earmarked ?? []).filter((e) => e.kind === 'segur');
          if (m) expect(earmark.map((e) => e.amountCents)).toEqual([toCents(m[1] ?? '')]);
        }
        for (const group of budget.groups) {
          const text = [group.printedLabel, ...(group.notes ?? [])].join(' ');
          const m = /dont primes médico-social au 1\/4\/2022 : ([\d ]+) €/.exec(text);
          expect((group.earmarked ?? []).map((e) => e.amountCents)).toEqual(m ? [toCents(m[1] ?? '')] : []);
        }
      });

      it('has every row of the "Financement pour 2022" table, as printed', () => {
        const fundings = referenceData.fundings.filter((f) => f.programmeCode === code);
        expect(fundings.map((f) => [f.printedLabel, f.printed])).toEqual(parsed.fundings.map((f) => [f.printedLabel, f.printed]));
        for (const [i, f] of fundings.entries()) {
          const first = /^([\d ]+) €/.exec(parsed.fundings[i]?.printed ?? '');
          expect(f.amountCents).toBe(toCents(first?.[1] ?? ''));
          expect(f.breakdownPrinted ?? null).toBe(parsed.fundings[i]?.continuation.join(' ') || null);
        }
      });
    });
  });

  it('each printed grand total of expenses equals the sum of its expense lines (groups printed without lines count for their subtotal)', () => {
    const computed = raw.map((b) =>
      b.groups
        .filter((g) => g.side === 'expenses')
        .reduce(
          (acc, g) => acc + (g.lines.length > 0 ? g.lines.reduce((s, l) => s + (toCents(l.printed) ?? 0), 0) : (toCents(g.printedSubtotal) ?? 0)),
          0,
        ),
    );
    // 679 241 €, 778 870 €, 184 913 €
    expect(computed).toEqual([67924100, 77887000, 18491300]);
    expect(raw.map((b) => toCents(b.totalExpenses))).toEqual(computed);
  });
});
