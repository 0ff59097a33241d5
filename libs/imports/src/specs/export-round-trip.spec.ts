import { referenceData } from '@sdat/reference-data';
import { budgetGroup } from '../lib/datasets/reference-lists';
import { contentHash } from '../lib/hash';
import { exportDataset } from '../lib/template';
import type { BudgetRow, EpisodeRow, FundingRow, MonthlyActivityRow, StaffRow } from '../lib/types';
import { loadWorkbook, parse, pseudonymise, saveWorkbook } from './helpers';

const options = { programmeCode: 'acor-centre-ville', year: 2023 };

/** The ACOR Centre Ville 2022 forecast lines, as actual 2023 lines (lines without code or amount dropped). */
function budgetRows(): BudgetRow[] {
  const budget = referenceData.budgets.find((b) => b.programmeCode === 'acor-centre-ville');
  const rows: BudgetRow[] = [];
  for (const group of budget?.groups ?? []) {
    const def = budgetGroup(group.groupCode);
    for (const line of group.lines) {
      if (line.accountCode === null || line.amountCents === null || def === null) continue;
      rows.push({
        side: def.side,
        groupCode: def.code,
        groupLabel: def.label,
        accountCode: line.accountCode,
        label: line.label,
        amountCents: line.amountCents + 1234,
        funderCode: def.side === 'income' ? (line.funderCode ?? null) : null,
      });
    }
  }
  rows.push({ side: 'expenses', groupCode: '63/64', groupLabel: 'Charges de personnel', accountCode: null, label: 'Charges de personnel', amountCents: 48917400, funderCode: null });
  rows.push({ side: 'income', groupCode: '77', groupLabel: 'Produits exceptionnels', accountCode: '771000', label: 'Régularisation', amountCents: -5, funderCode: null });
  return rows;
}

function fundingRows(): FundingRow[] {
  return referenceData.fundings.map((f, i) => ({
    funderCode: f.funderCode,
    label: `${f.label} (${f.programmeCode})`,
    amountCents: f.amountCents + i,
    funderIsSignatory: f.funderIsSignatory,
    earmark: f.earmarked[0] === undefined ? null : { kind: 'segur', label: 'Primes Ségur', amountCents: f.earmarked[0].amountCents },
  }));
}

function staffRows(): StaffRow[] {
  const seen = new Set<string>();
  return referenceData.programmes
    .flatMap((p) => p.staff)
    .filter((s) => !seen.has(s.jobCode) && seen.add(s.jobCode))
    .map((s, i) => ({ jobCode: s.jobCode, jobTitle: s.jobTitle, fte: s.fteValue ?? 0.33, posts: i % 2 === 0 ? i + 1 : null }));
}

function episodeRows(): EpisodeRow[] {
  return [
    { participantKey: pseudonymise('X1'), kind: 'follow_up', entryDate: '2022-06-01', exitDate: '2023-02-28', ageBand: '18-24', householdSituation: 'personne_seule', referrer: 'siao', referralDecision: 'accord', handover: 'logement_accompagne', leaseTransfer: true, commune: 'Dijon' },
    { participantKey: pseudonymise('X1'), kind: 'follow_up', entryDate: '2023-05-02', exitDate: null, ageBand: '18-24', householdSituation: 'personne_seule', referrer: 'ccas_dijon', referralDecision: 'accord_waiting_list', handover: null, leaseTransfer: false, commune: 'Dijon' },
    { participantKey: pseudonymise('X2'), kind: 'co_evaluation', entryDate: '2023-09-11', exitDate: '2023-12-08', ageBand: null, householdSituation: null, referrer: null, referralDecision: null, handover: 'perdu_de_vue', leaseTransfer: false, commune: null },
    { participantKey: pseudonymise('X3'), kind: 'follow_up', entryDate: '2023-01-01', exitDate: '2023-12-31', ageBand: '65+', householdSituation: 'couple_avec_enfants', referrer: 'autre', referralDecision: 'accord', handover: 'sans_relais', leaseTransfer: false, commune: 'Autre commune de la Métropole' },
  ];
}

function monthlyRows(): MonthlyActivityRow[] {
  return Array.from({ length: 12 }, (_, i) => ({
    month: `2023-${String(i + 1).padStart(2, '0')}-01`,
    openingDays: i === 7 ? null : 20 + (i % 5),
    attendanceVisits: 1000 + i * 37,
    attendanceDistinctPeople: 250 + i,
    outreachContacts: i === 3 ? null : 150 + i,
    outreachDistinctPeople: i === 3 ? null : 80,
    waitingListEnd: i,
  }));
}

describe('export → parse round-trip gives back exactly the exported rows', () => {
  const period = { start: '2022-01-01', end: '2026-12-31' };

  it('budget', async () => {
    const rows = budgetRows();
    expect(rows.length).toBeGreaterThan(20);
    const result = await parse('budget', await exportDataset('budget', rows, options), 'export.xlsx', { programmeCode: options.programmeCode });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(rows);
    expect(result.contentHash).toBe(contentHash('budget', rows));
  });

  it('funding', async () => {
    const rows = fundingRows();
    const result = await parse('funding', await exportDataset('funding', rows, options), 'export.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(rows);
  });

  it('staff', async () => {
    const rows = staffRows();
    const result = await parse('staff', await exportDataset('staff', rows, options), 'export.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(rows);
  });

  it('episodes: the pseudonymous key goes to « Clé pseudonyme », no identifier is needed to re-import', async () => {
    const rows = episodeRows();
    const bytes = await exportDataset('episodes', rows, options);
    const workbook = await loadWorkbook(bytes);
    const sheet = workbook.getWorksheet('Accompagnements');
    expect(sheet?.getCell('A2').value ?? null).toBeNull();
    expect(sheet?.getCell('B2').value).toBe(pseudonymise('X1'));
    const noIdentifier = () => {
      throw new Error('pseudonymise must not be called for exported rows');
    };
    const result = await parse('episodes', bytes, 'export.xlsx', { agreementPeriod: period, pseudonymise: noIdentifier });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(rows);

    // An operator can add a new stay with an identifier next to the exported rows.
    sheet?.addRow(['X4', null, 'Suivi', '03/10/2023']);
    const mixed = await parse('episodes', await saveWorkbook(workbook), 'export.xlsx', { agreementPeriod: period });
    expect(mixed.errors).toEqual([]);
    expect(mixed.rows.at(-1)?.participantKey).toBe(pseudonymise('X4'));
    // …and the same person cannot be entered twice with overlapping stays.
    sheet?.addRow(['X1', null, 'Suivi', '01/06/2023']);
    const overlapping = await parse('episodes', await saveWorkbook(workbook), 'export.xlsx', { agreementPeriod: period });
    expect(overlapping.errors.map((e) => [e.row, e.column])).toEqual([[7, "Date d'entrée (D)"]]);
    expect(overlapping.errors[0]?.message).toContain('chevaucher');
  });

  it('monthly activity', async () => {
    const rows = monthlyRows();
    const result = await parse('monthly_activity', await exportDataset('monthly_activity', rows, options), 'export.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual(rows);
    expect(result.contentHash).toBe(contentHash('monthly_activity', [...rows].reverse()));
  });
});
