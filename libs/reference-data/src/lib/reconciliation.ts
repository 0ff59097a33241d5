import { formatCents, sumCents } from './money';
import type {
  Agreement,
  Budget,
  BudgetGroup,
  BudgetLine,
  Funding,
  Programme,
  ReconciliationFinding,
  ReferenceData,
} from './types';

/**
 * Cross-checks of the reference data. Every finding is COMPUTED from the data (sums,
 * comparisons, look-ups) — nothing here knows which inconsistencies the documents contain.
 * The printed values are never corrected: a finding only reports the gap.
 *
 * Checks (the `check` field of a finding):
 * - budget_group_subtotal            sum of a group's lines ≠ printed subtotal
 * - budget_line_in_subtotal_column   a line also printed in the subtotal column
 * - budget_total_vs_lines            printed total ≠ sum of all lines
 * - budget_total_vs_subtotals        printed total ≠ sum of printed subtotals
 * - budget_balance                   printed expenses ≠ printed income
 * - budget_segur_balance             Ségur parts in expenses ≠ Ségur income
 * - budget_head_office_fees_cap      account 6557 above the 5 % cap (article 3)
 * - budget_title                     budget title does not name the programme
 * - funding_breakdown                printed breakdown of a funding line does not add up
 * - funding_vs_budget_funder         funding table ≠ budget income lines, per funder
 * - funding_total_vs_budget          funding table total ≠ budget subsidies
 * - funding_segur_vs_budget          Ségur parts of the funding table ≠ budget, per funder
 * - funding_stream_vs_budget         stream named on both sides (lutte contre la pauvreté) differs
 * - funding_signatory_flag           funderIsSignatory contradicts the signatories
 * - funding_partner_count            number of EMAS funders vs the Pacte's list
 * - staff_unit_not_fte               a staff line counted in posts, not FTE
 * - capacity_breakdown               capacity parts do not add up
 * - pilot_not_signatory              a pilot is not a signatory although article 4 requires it
 * - cross_reference                  an article cites another one that does not hold the obligation
 * - printed_funder_list              a printed list of co-funders omits a funder of the tables
 * - signatory_representative         signature block names someone else than the heading
 * - renewal_wording                  renewal clause mixes express and tacit renewal
 * - pacte_totals / pacte_estimated_budget / pacte_parity / pacte_action_title
 * - caf_rehousing_breakdown          named rehousing operations vs the printed total
 */
export function findReconciliationFindings(data: ReferenceData): ReconciliationFinding[] {
  const findings: ReconciliationFinding[] = [];
  const ctx = new Context(data);

  for (const budget of data.budgets) checkBudget(ctx, budget, findings);
  for (const programme of data.programmes) checkProgramme(ctx, programme, findings);
  checkFundings(ctx, findings);
  for (const agreement of data.agreements) checkAgreement(ctx, agreement, findings);
  checkPacte(ctx, findings);
  checkCaf(ctx, findings);

  return findings;
}

// ---------------------------------------------------------------------------
// Context and helpers
// ---------------------------------------------------------------------------

class Context {
  constructor(readonly data: ReferenceData) {}

  programme(code: string): Programme | undefined {
    return this.data.programmes.find((p) => p.code === code);
  }

  agreement(code: string): Agreement | undefined {
    return this.data.agreements.find((a) => a.code === code);
  }

  agreementName(code: string): string {
    const a = this.agreement(code);
    return a ? (a.shortTitle ?? a.title) : code;
  }

  orgName(code: string): string {
    return this.data.organisations.find((o) => o.code === code)?.displayName ?? code;
  }

  annexLabel(programmeCode: string): string {
    const p = this.programme(programmeCode);
    return p ? `Annexe ${p.annex} – ${p.name}` : programmeCode;
  }
}

/** Lower-case, accents and punctuation removed, single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "de" with elision: d'ACOR Centre Ville, de Dijon Métropole. */
function de(name: string): string {
  return /^[aeiouyéèêàâîôûh]/i.test(name) ? `d'${name}` : `de ${name}`;
}

function trimPunctuation(text: string): string {
  return text.replace(/[\s,;.]+$/, '');
}

function slug(text: string): string {
  return normalizeText(text).replace(/ /g, '-');
}

const SIDE_LABEL = { expenses: 'charges', income: 'produits' } as const;
const STREAM_LABEL = { lutte_contre_la_pauvrete: 'lutte contre la pauvreté' } as const;

function groupSlug(group: BudgetGroup): string {
  return group.groupCode.replace('/', '-');
}

function lineAmount(line: BudgetLine): number {
  return line.amountCents ?? 0;
}

/** Lines of a group; a group printed without any line (63/64) counts for its printed subtotal. */
function groupComputedCents(group: BudgetGroup): number {
  return group.lines.length > 0 ? sumCents(group.lines.map(lineAmount)) : group.printedSubtotalCents;
}

function incomeLines(budget: Budget): BudgetLine[] {
  return budget.groups.filter((g) => g.side === 'income').flatMap((g) => g.lines);
}

function segurCents(parts: { kind: string; amountCents: number }[] | undefined): number {
  return sumCents((parts ?? []).filter((p) => p.kind === 'segur').map((p) => p.amountCents));
}

function formatPercentFromBasisPoints(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return `${whole},${String(rest).padStart(2, '0')} %`;
}

function finding(f: ReconciliationFinding): ReconciliationFinding {
  const out: ReconciliationFinding = { ...f };
  if (f.printedCents !== undefined && f.computedCents !== undefined && f.differenceCents === undefined) {
    out.differenceCents = f.printedCents - f.computedCents;
  }
  return out;
}

function signedCents(cents: number): string {
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
}

// ---------------------------------------------------------------------------
// Budgets
// ---------------------------------------------------------------------------

function checkBudget(ctx: Context, budget: Budget, out: ReconciliationFinding[]): void {
  const base = `${budget.programmeCode}-${budget.year}`;
  const where = `${ctx.annexLabel(budget.programmeCode)}, budget ${budget.year}`;
  const common = { agreementCode: budget.agreementCode, programmeCode: budget.programmeCode };

  for (const group of budget.groups) {
    const groupWhere = `${where}, groupe ${group.groupCode}`;
    // Subtotal of each group that has lines.
    if (group.lines.length > 0) {
      const computed = sumCents(group.lines.map(lineAmount));
      if (computed !== group.printedSubtotalCents) {
        const diff = group.printedSubtotalCents - computed;
        const explaining = group.lines.filter((l) => l.amountCents === Math.abs(diff));
        const hint =
          explaining.length > 0
            ? ` L'écart correspond exactement à la ligne ${explaining.map((l) => `« ${l.label} » (${formatCents(lineAmount(l))})`).join(', ')}.`
            : '';
        out.push(
          finding({
            ...common,
            code: `${base}-${group.side}-${groupSlug(group)}-subtotal`,
            check: 'budget_group_subtotal',
            severity: 'error',
            location: groupWhere,
            field: 'printedSubtotalCents',
            printedCents: group.printedSubtotalCents,
            computedCents: computed,
            message: `Le sous-total imprimé du groupe ${group.groupCode} « ${group.label} » (${formatCents(group.printedSubtotalCents)}) ne correspond pas à la somme de ses ${group.lines.length} lignes (${formatCents(computed)}) : écart de ${signedCents(diff)}.${hint}`,
          }),
        );
      }
    }
    // Lines printed twice (amount also in the subtotal column).
    for (const line of group.lines) {
      if (line.printedInSubtotalColumn !== undefined && line.printedInSubtotalColumn.trim() !== '') {
        out.push(
          finding({
            ...common,
            code: `${base}-${group.side}-${groupSlug(group)}-line-${slug(line.label)}-in-subtotal-column`,
            check: 'budget_line_in_subtotal_column',
            severity: 'warning',
            location: `${groupWhere}, ligne « ${line.printedLabel} »`,
            field: 'printedInSubtotalColumn',
            printedValue: line.printedInSubtotalColumn,
            computedValue: line.printed,
            message: `La ligne « ${line.label} » est imprimée deux fois : son montant (${line.printed}) figure aussi dans la colonne des sous-totaux, comme si elle formait un groupe à elle seule.`,
          }),
        );
      }
    }
  }

  // Totals, for each side.
  for (const side of ['expenses', 'income'] as const) {
    const groups = budget.groups.filter((g) => g.side === side);
    const printed = side === 'expenses' ? budget.printedTotalExpensesCents : budget.printedTotalIncomeCents;
    const totalLabel = side === 'expenses' ? 'total des charges' : 'total des produits';
    const fromLines = sumCents(groups.map(groupComputedCents));
    if (fromLines !== printed) {
      out.push(
        finding({
          ...common,
          code: `${base}-${side}-total-vs-lines`,
          check: 'budget_total_vs_lines',
          severity: 'error',
          location: `${where}, ${totalLabel}`,
          field: side === 'expenses' ? 'printedTotalExpensesCents' : 'printedTotalIncomeCents',
          printedCents: printed,
          computedCents: fromLines,
          message: `Le ${totalLabel} imprimé (${formatCents(printed)}) ne correspond pas à la somme des lignes de ${SIDE_LABEL[side]} (${formatCents(fromLines)}) : écart de ${signedCents(printed - fromLines)}.`,
        }),
      );
    }
    const fromSubtotals = sumCents(groups.map((g) => g.printedSubtotalCents));
    if (fromSubtotals !== printed) {
      out.push(
        finding({
          ...common,
          code: `${base}-${side}-total-vs-subtotals`,
          check: 'budget_total_vs_subtotals',
          severity: 'warning',
          location: `${where}, ${totalLabel}`,
          field: side === 'expenses' ? 'printedTotalExpensesCents' : 'printedTotalIncomeCents',
          printedCents: printed,
          computedCents: fromSubtotals,
          message: `Le ${totalLabel} imprimé (${formatCents(printed)}) ne correspond pas à la somme des sous-totaux imprimés des groupes ${groups.map((g) => g.groupCode).join(', ')} (${formatCents(fromSubtotals)}) : écart de ${signedCents(printed - fromSubtotals)}${fromLines === printed ? ' ; le total est en revanche égal à la somme des lignes' : ''}.`,
        }),
      );
    }
  }

  // Balance.
  if (budget.printedTotalExpensesCents !== budget.printedTotalIncomeCents) {
    out.push(
      finding({
        ...common,
        code: `${base}-balance`,
        check: 'budget_balance',
        severity: 'warning',
        location: `${where}, totaux`,
        field: 'printedTotalIncomeCents',
        printedCents: budget.printedTotalIncomeCents,
        computedCents: budget.printedTotalExpensesCents,
        message: `Le budget prévisionnel n'est pas équilibré : produits ${formatCents(budget.printedTotalIncomeCents)}, charges ${formatCents(budget.printedTotalExpensesCents)}.`,
      }),
    );
  }

  // Ségur: earmarked parts in the expenses vs Ségur income.
  const segurExpenses = sumCents(
    budget.groups
      .filter((g) => g.side === 'expenses')
      .map((g) => segurCents(g.earmarked) + sumCents(g.lines.map((l) => segurCents(l.earmarked)))),
  );
  const segurIncome = sumCents(incomeLines(budget).map((l) => segurCents(l.earmarked)));
  if (segurExpenses !== segurIncome) {
    out.push(
      finding({
        ...common,
        code: `${base}-segur-balance`,
        check: 'budget_segur_balance',
        severity: 'error',
        location: `${where}, primes Ségur`,
        field: 'earmarked.segur',
        printedCents: segurIncome,
        computedCents: segurExpenses,
        message: `Les primes Ségur financées en produits (${formatCents(segurIncome)}) ne couvrent pas exactement les primes Ségur indiquées dans les charges (${formatCents(segurExpenses)}) : écart de ${signedCents(segurIncome - segurExpenses)}.`,
      }),
    );
  }

  // Head-office fees (account 6557), capped at 5 % by article 3.
  const expenses = sumCents(budget.groups.filter((g) => g.side === 'expenses').map(groupComputedCents));
  for (const group of budget.groups.filter((g) => g.side === 'expenses')) {
    for (const line of group.lines.filter((l) => l.accountCode?.startsWith('6557') && l.amountCents !== null)) {
      const fees = lineAmount(line);
      const baseExcluding = expenses - fees;
      const capExcluding = Math.round((baseExcluding * 5) / 100);
      const capTotal = Math.round((expenses * 5) / 100);
      if (fees > capExcluding) {
        const bpExcluding = Math.round((fees * 10000) / baseExcluding);
        const bpTotal = Math.round((fees * 10000) / expenses);
        const overTotal = fees > capTotal;
        out.push(
          finding({
            ...common,
            code: `${base}-head-office-fees-cap`,
            check: 'budget_head_office_fees_cap',
            severity: overTotal ? 'warning' : 'info',
            location: `${where}, groupe ${group.groupCode}, ligne « ${line.printedLabel} »`,
            field: 'amountCents',
            printedCents: fees,
            computedCents: capExcluding,
            printedValue: '5 %',
            computedValue: formatPercentFromBasisPoints(bpExcluding),
            message: `Les frais de siège (${formatCents(fees)}) représentent ${formatPercentFromBasisPoints(bpExcluding)} des autres charges (${formatCents(baseExcluding)}), au-delà de la limite de 5 % de l'article 3 (${formatCents(capExcluding)}) ; rapportés au total des charges frais de siège compris (${formatCents(expenses)}), ils en font ${formatPercentFromBasisPoints(bpTotal)}. L'assiette des 5 % n'est pas précisée par la convention.`,
          }),
        );
      }
    }
  }

  // Title of the budget vs the programme name.
  const programme = ctx.programme(budget.programmeCode);
  if (programme && !normalizeText(budget.title).includes(normalizeText(programme.name))) {
    const former = programme.formerNames.filter((n) => normalizeText(budget.title).includes(normalizeText(n)));
    out.push(
      finding({
        ...common,
        code: `${base}-budget-title`,
        check: 'budget_title',
        severity: 'warning',
        location: `${where}, titre`,
        field: 'title',
        printedValue: budget.title,
        computedValue: programme.name,
        message: `Le budget de l'annexe ${programme.annex} (${programme.name}) est intitulé « ${budget.title} » et ne porte pas le nom du dispositif « ${programme.name} »${former.length > 0 ? ` mais celui de l'ancien dispositif « ${former.join(' », « ')} » (fusionné dans ${programme.name})` : ''}.`,
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------

function checkProgramme(ctx: Context, programme: Programme, out: ReconciliationFinding[]): void {
  const common = { agreementCode: programme.agreementCode, programmeCode: programme.code };
  const annex = ctx.annexLabel(programme.code);

  // Staff lines not expressed in FTE.
  const fteLines = programme.staff.filter((s) => s.unit === 'fte' && s.fteValue !== null);
  const fteHundredths = fteLines.reduce((acc, s) => acc + Math.round((s.fteValue ?? 0) * 100), 0);
  const fteText = formatPercentFromBasisPoints(fteHundredths).replace(' %', ' ETP');
  for (const line of programme.staff.filter((s) => s.unit !== 'fte' || s.fteValue === null)) {
    out.push(
      finding({
        ...common,
        code: `${programme.code}-staff-${line.jobCode}-not-fte`,
        check: 'staff_unit_not_fte',
        severity: 'warning',
        location: `${annex}, modalités de fonctionnement (personnel)`,
        field: 'staff.unit',
        printedValue: line.printed,
        computedValue: line.unit,
        message: `« ${trimPunctuation(line.printed)} » est exprimé en ${line.unit === 'posts' ? 'postes' : 'unités autres que des ETP'} et non en ETP : le nombre total d'ETP du dispositif ne peut pas être calculé (${fteText} pour les seules lignes exprimées en ETP).`,
      }),
    );
  }

  // Capacity breakdowns.
  for (const target of programme.capacityTargets) {
    if (!target.of || target.of.length === 0) continue;
    const parts = target.of.reduce((acc, p) => acc + p.value, 0);
    const bad = target.breakdown === 'exhaustive' ? parts !== target.value : parts > target.value;
    if (bad) {
      out.push(
        finding({
          ...common,
          code: `${programme.code}-capacity-${target.code}-breakdown`,
          check: 'capacity_breakdown',
          severity: 'error',
          location: `${annex}, modalités de fonctionnement`,
          field: `capacityTargets.${target.code}`,
          printedValue: target.value,
          computedValue: parts,
          message: `« ${target.printed} » : la somme des composantes (${parts}) ${target.breakdown === 'exhaustive' ? 'ne correspond pas au' : 'dépasse le'} total imprimé (${target.value}).`,
        }),
      );
    }
  }

  // Pilots must be chosen among the signatories (article 4 of the convention cadre).
  const agreement = ctx.agreement(programme.agreementCode);
  if (agreement) {
    const signatories = new Set(agreement.signatories.map((s) => s.orgCode));
    for (const pilot of programme.pilots.filter((p) => !signatories.has(p.orgCode))) {
      const rule = agreement.pilotRule;
      if (!rule) continue;
      out.push(
        finding({
          ...common,
          code: `${programme.code}-pilot-${pilot.orgCode}-not-signatory`,
          check: 'pilot_not_signatory',
          severity: 'warning',
          location: `${annex}, service pilote`,
          field: 'pilots',
          printedValue: ctx.orgName(pilot.orgCode),
          computedValue: agreement.signatories.map((s) => ctx.orgName(s.orgCode)).join(', '),
          message: `Le ${pilot.role === 'pilot' ? 'pilote' : 'co-pilote'} ${de(programme.name)} (${ctx.orgName(pilot.orgCode)}) ne fait pas partie des signataires de la convention, alors que l'${rule.sourceRef.toLowerCase()} prévoit : « ${rule.printed} »`,
        }),
      );
    }
  }
}

// ---------------------------------------------------------------------------
// Funding tables vs budgets
// ---------------------------------------------------------------------------

function checkFundings(ctx: Context, out: ReconciliationFinding[]): void {
  const keys = new Map<string, Funding[]>();
  for (const f of ctx.data.fundings) {
    const key = `${f.programmeCode}|${f.year}`;
    keys.set(key, [...(keys.get(key) ?? []), f]);
  }

  for (const [key, lines] of keys) {
    const [programmeCode, yearText] = key.split('|') as [string, string];
    const year = Number(yearText);
    const first = lines[0];
    if (!first) continue;
    const base = `${programmeCode}-${year}`;
    const annex = ctx.annexLabel(programmeCode);
    const where = `${annex}, financement pour ${year}`;
    const common = { agreementCode: first.agreementCode, programmeCode: first.programmeCode };
    const budget = ctx.data.budgets.find((b) => b.programmeCode === programmeCode && b.year === year);
    const note = ctx.data.fundingSummaryNotes.find((n) => n.programmeCode === programmeCode && n.year === year);
    const agreement = ctx.agreement(first.agreementCode);
    const signatories = new Set(agreement?.signatories.map((s) => s.orgCode) ?? []);

    // Printed breakdowns of a funding line.
    for (const f of lines.filter((l) => l.breakdown && l.breakdown.length > 0)) {
      const parts = f.breakdown ?? [];
      const partsSum = sumCents(parts.map((p) => p.amountCents));
      if (partsSum !== f.amountCents) {
        const segur = segurCents(f.earmarked);
        const segurInParts = parts.some((p) => (p.includes ?? []).some((i) => /s[ée]gur/i.test(i.label)));
        const withSegur = partsSum + segur;
        const remaining = f.amountCents - withSegur;
        const budgetMatch =
          budget && remaining !== 0
            ? incomeLines(budget).filter((l) => l.funderCode === f.funderCode && l.amountCents === Math.abs(remaining))
            : [];
        let hint = '';
        if (segur > 0 && segurInParts) {
          hint += ` Même en comptant les primes Ségur (${formatCents(segur)}) en plus de la ventilation, on obtient ${formatCents(withSegur)}`;
          hint += remaining === 0 ? '.' : `, soit encore ${formatCents(Math.abs(remaining))} d'écart`;
          if (budgetMatch.length > 0) {
            hint += ` — montant de la ligne budgétaire ${budgetMatch.map((l) => `« ${l.label} »`).join(', ')}`;
          }
          if (remaining !== 0) hint += '.';
        }
        out.push(
          finding({
            ...common,
            code: `${base}-funding-${slug(f.label)}-breakdown`,
            check: 'funding_breakdown',
            severity: 'error',
            location: `${where}, ligne « ${f.label} »`,
            field: 'breakdown',
            printedCents: f.amountCents,
            computedCents: partsSum,
            message: `La ventilation imprimée « ${f.breakdownPrinted ?? ''} » totalise ${formatCents(partsSum)} (${parts.map((p) => `${formatCents(p.amountCents)} ${p.label}`).join(' + ')}) alors que la ligne « ${f.label} » est de ${formatCents(f.amountCents)} : écart de ${signedCents(f.amountCents - partsSum)}.${hint}`,
          }),
        );
      }
      for (const part of parts) {
        const included = sumCents((part.includes ?? []).map((i) => i.amountCents));
        if (included > part.amountCents) {
          out.push(
            finding({
              ...common,
              code: `${base}-funding-${f.funderCode}-${slug(part.label)}-includes`,
              check: 'funding_breakdown',
              severity: 'error',
              location: `${where}, ligne « ${f.label} »`,
              field: 'breakdown.includes',
              printedCents: part.amountCents,
              computedCents: included,
              message: `Les montants « dont » de « ${part.label} » (${formatCents(included)}) dépassent son montant (${formatCents(part.amountCents)}).`,
            }),
          );
        }
      }
    }

    // funderIsSignatory flag.
    for (const f of lines) {
      const isSignatory = signatories.has(f.funderCode);
      if (f.funderIsSignatory !== isSignatory || (note?.onlySignatoriesListed && !isSignatory)) {
        out.push(
          finding({
            ...common,
            code: `${base}-funding-${slug(f.label)}-signatory-flag`,
            check: 'funding_signatory_flag',
            severity: 'warning',
            location: `${where}, ligne « ${f.label} »`,
            field: 'funderIsSignatory',
            printedValue: String(f.funderIsSignatory),
            computedValue: String(isSignatory),
            message: `${ctx.orgName(f.funderCode)} ${isSignatory ? 'est' : "n'est pas"} signataire de la convention${note?.onlySignatoriesListed ? ', alors que le tableau ne doit lister que les signataires' : ''}.`,
          }),
        );
      }
    }

    // EMAS: number of funders vs the Pacte's list of partners.
    if (note?.totalFunderCount != null && programmeCode === 'emas' && ctx.data.pacte.emasFunderPartners.length > 0) {
      const pacteCount = ctx.data.pacte.emasFunderPartners.reduce((acc, c) => acc + c.orgNames.length, 0);
      if (pacteCount !== note.totalFunderCount) {
        out.push(
          finding({
            ...common,
            code: `${base}-funding-partner-count`,
            check: 'funding_partner_count',
            severity: 'info',
            location: `${where} ; pacte de solidarité 2020, fiche action 2.3`,
            field: 'totalFunderCount',
            printedValue: note.totalFunderCount,
            computedValue: pacteCount,
            message: `L'annexe annonce ${note.totalFunderCount} partenaires financeurs ; la fiche action 2.3 du pacte de solidarité 2020 en énumère ${pacteCount}.`,
          }),
        );
      }
    }

    if (!budget) continue;

    // Per funder.
    const subsidyLines = incomeLines(budget).filter((l) => !l.ownRevenue);
    const subsidyGroups = budget.groups
      .filter((g) => g.side === 'income' && g.lines.some((l) => !l.ownRevenue))
      .map((g) => g.groupCode)
      .join(', ');
    const pooled = subsidyLines.filter((l) => l.funderCode == null);
    const funders = [...new Set([...lines.map((f) => f.funderCode), ...subsidyLines.flatMap((l) => (l.funderCode ? [l.funderCode] : []))])];
    for (const funder of funders) {
      const summary = sumCents(lines.filter((f) => f.funderCode === funder).map((f) => f.amountCents));
      const inBudget = subsidyLines.filter((l) => l.funderCode === funder);
      const budgetCents = sumCents(inBudget.map(lineAmount));
      const name = ctx.orgName(funder);
      const summaryLabels = lines.filter((f) => f.funderCode === funder).map((f) => `« ${f.label} »`);
      const budgetLabels = inBudget.map((l) => `« ${l.label} » (${formatCents(lineAmount(l))})`);
      if (pooled.length > 0) {
        if (budgetCents > summary) {
          out.push(
            finding({
              ...common,
              code: `${base}-funding-${funder}-vs-budget`,
              check: 'funding_vs_budget_funder',
              severity: 'error',
              location: `${where} / budget ${year}, groupe ${subsidyGroups}`,
              field: 'amountCents',
              printedCents: summary,
              computedCents: budgetCents,
              message: `${name} : le budget identifie ${formatCents(budgetCents)} de subventions (${budgetLabels.join(', ')}) alors que le tableau de financement n'indique que ${formatCents(summary)}.`,
            }),
          );
        }
        continue;
      }
      if (summary === budgetCents) continue;
      const missingInSummary = summaryLabels.length === 0;
      const missingInBudget = inBudget.length === 0;
      out.push(
        finding({
          ...common,
          code: `${base}-funding-${funder}-${missingInSummary ? 'missing-from-summary' : missingInBudget ? 'missing-from-budget' : 'vs-budget'}`,
          check: 'funding_vs_budget_funder',
          severity: 'error',
          location: `${where} / budget ${year}, groupe ${subsidyGroups}`,
          field: 'amountCents',
          printedCents: summary,
          computedCents: budgetCents,
          message: missingInSummary
            ? `${name} finance le dispositif dans le budget (${budgetLabels.join(', ')}) mais n'apparaît pas dans le tableau « Financement pour ${year} ».`
            : missingInBudget
              ? `${name} figure au tableau de financement (${summaryLabels.join(', ')} : ${formatCents(summary)}) mais aucune subvention à son nom n'apparaît au budget.`
              : `${name} : le tableau de financement indique ${formatCents(summary)} (${summaryLabels.join(', ')}) alors que le budget prévoit ${formatCents(budgetCents)} (${budgetLabels.join(', ')}) : écart de ${signedCents(summary - budgetCents)}.${explainBySwap(ctx, summary - budgetCents, subsidyLines, funder, lines)}`,
        }),
      );
    }

    // Total of the funding table vs subsidies of the budget.
    const summaryTotal = sumCents(lines.map((f) => f.amountCents));
    const subsidyTotal = sumCents(subsidyLines.map(lineAmount));
    if (summaryTotal !== subsidyTotal) {
      const partial = note?.onlySignatoriesListed === true && summaryTotal < subsidyTotal;
      const listed = new Set(lines.map((f) => f.funderCode)).size;
      const unlisted = note?.totalFunderCount != null ? note.totalFunderCount - listed : null;
      out.push(
        finding({
          ...common,
          code: partial ? `${base}-funding-unlisted-funders` : `${base}-funding-total-vs-budget`,
          check: 'funding_total_vs_budget',
          severity: partial ? 'info' : 'error',
          location: `${where} / budget ${year}, subventions`,
          field: 'amountCents',
          printedCents: summaryTotal,
          computedCents: subsidyTotal,
          message: partial
            ? `Le tableau ne liste que les contributions des ${listed} financeurs signataires (${formatCents(summaryTotal)}) ; le budget prévoit ${formatCents(subsidyTotal)} de subventions, soit ${formatCents(subsidyTotal - summaryTotal)} apportés par ${unlisted !== null ? `les ${unlisted} autres financeurs (${note?.totalFunderCount} au total)` : "d'autres financeurs"}, non détaillés${pooled.length > 0 ? ` (ligne budgétaire « ${pooled.map((l) => l.label).join(' », « ')} » non ventilée par financeur)` : ''}.`
            : `Le total du tableau de financement (${formatCents(summaryTotal)}) ne correspond pas aux subventions du budget (${formatCents(subsidyTotal)}) : écart de ${signedCents(summaryTotal - subsidyTotal)}.`,
        }),
      );
    }

    // Ségur parts per funder.
    const segurFunders = new Set([
      ...lines.filter((f) => segurCents(f.earmarked) > 0).map((f) => f.funderCode),
      ...subsidyLines.filter((l) => segurCents(l.earmarked) > 0 && l.funderCode).map((l) => l.funderCode as string),
    ]);
    for (const funder of segurFunders) {
      const summarySegur = sumCents(lines.filter((f) => f.funderCode === funder).map((f) => segurCents(f.earmarked)));
      const budgetSegur = sumCents(subsidyLines.filter((l) => l.funderCode === funder).map((l) => segurCents(l.earmarked)));
      if (summarySegur !== budgetSegur) {
        out.push(
          finding({
            ...common,
            code: `${base}-funding-${funder}-segur-vs-budget`,
            check: 'funding_segur_vs_budget',
            severity: 'error',
            location: `${where} / budget ${year}, primes Ségur`,
            field: 'earmarked.segur',
            printedCents: summarySegur,
            computedCents: budgetSegur,
            message: `${ctx.orgName(funder)} : primes Ségur de ${formatCents(summarySegur)} au tableau de financement contre ${formatCents(budgetSegur)} au budget.`,
          }),
        );
      }
    }

    // Streams printed on both sides.
    const streamed = lines.filter((f) => f.stream);
    for (const f of streamed) {
      const summaryStream = sumCents(streamed.filter((s) => s.funderCode === f.funderCode && s.stream === f.stream).map((s) => s.amountCents));
      const budgetStreamLines = subsidyLines.filter((l) => l.funderCode === f.funderCode && l.stream === f.stream);
      const budgetStream = sumCents(budgetStreamLines.map(lineAmount));
      if (summaryStream === budgetStream) continue;
      const funderTotalsMatch =
        sumCents(lines.filter((s) => s.funderCode === f.funderCode).map((s) => s.amountCents)) ===
        sumCents(subsidyLines.filter((l) => l.funderCode === f.funderCode).map(lineAmount));
      out.push(
        finding({
          ...common,
          code: `${base}-funding-${f.funderCode}-${slug(f.stream ?? '')}-stream`,
          check: 'funding_stream_vs_budget',
          severity: funderTotalsMatch ? 'info' : 'warning',
          location: `${where}, ligne « ${f.label} »`,
          field: 'amountCents',
          printedCents: summaryStream,
          computedCents: budgetStream,
          message: `« ${f.label} » : ${formatCents(summaryStream)} au tableau de financement, mais les lignes budgétaires « ${f.stream ? STREAM_LABEL[f.stream] : ''} » totalisent ${formatCents(budgetStream)} (${budgetStreamLines.map((l) => `« ${l.label} » ${formatCents(lineAmount(l))}`).join(' + ')}).${funderTotalsMatch ? ` Le total de ${ctx.orgName(f.funderCode)} est identique des deux côtés : seule la répartition entre lignes diffère.` : ''}`,
        }),
      );
    }
  }
}

/** When another funder's budget lines exactly explain a gap, say so. */
function explainBySwap(ctx: Context, gap: number, subsidyLines: BudgetLine[], funder: string, lines: Funding[]): string {
  if (gap <= 0) return '';
  const others = [...new Set(subsidyLines.map((l) => l.funderCode).filter((c): c is string => !!c && c !== funder))];
  for (const other of others) {
    const otherBudget = sumCents(subsidyLines.filter((l) => l.funderCode === other).map(lineAmount));
    const otherSummary = sumCents(lines.filter((f) => f.funderCode === other).map((f) => f.amountCents));
    if (otherBudget - otherSummary === gap) {
      return ` L'écart est égal à la subvention de ${ctx.orgName(other)} au budget (${formatCents(otherBudget)}), absente du tableau : le tableau semble lui attribuer ce montant.`;
    }
  }
  return '';
}

// ---------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------

const CIVILITIES = new Set(['m', 'mme', 'mr', 'monsieur', 'madame', 'mlle']);

function personKey(name: string): string {
  return normalizeText(name)
    .split(' ')
    .filter((t) => !CIVILITIES.has(t))
    .join(' ');
}

function articleNumbers(ref: string): string[] {
  return [...ref.matchAll(/article\s+(\d+(?:\.\d+)*)/gi)].map((m) => m[1] ?? '');
}

function checkAgreement(ctx: Context, agreement: Agreement, out: ReconciliationFinding[]): void {
  const common = { agreementCode: agreement.code };

  // Cross-references to articles.
  for (const ref of agreement.crossReferences) {
    const cited = articleNumbers(ref.citedRef)[0];
    if (!cited) continue;
    const rules = ctx.data.obligationRules.filter((r) => r.agreementCode === agreement.code && r.kind === ref.aboutObligationKind);
    if (rules.length === 0) continue;
    const actual = [...new Set(rules.flatMap((r) => articleNumbers(r.sourceRef)))];
    if (actual.includes(cited)) continue;
    const citedArticle = agreement.keyArticles.find((a) => articleNumbers(a.ref).includes(cited));
    out.push(
      finding({
        ...common,
        code: `${agreement.code}-cross-reference-${slug(ref.fromRef)}`,
        check: 'cross_reference',
        severity: 'warning',
        location: `${ctx.agreementName(agreement.code)}, ${ref.fromRef}`,
        field: 'crossReferences',
        printedValue: ref.citedRef,
        computedValue: actual.map((a) => `article ${a}`).join(', '),
        message: `${ref.fromRef} renvoie à « ${ref.citedRef} » pour l'obligation « ${rules[0]?.label ?? ref.aboutObligationKind} », alors que cette obligation figure à l'${actual.map((a) => `article ${a}`).join(', ')}${citedArticle ? ` (l'${citedArticle.ref.toLowerCase()} porte sur « ${citedArticle.title} »)` : ''}.`,
      }),
    );
  }

  // Printed lists of co-funders vs the funders of the funding tables.
  for (const list of agreement.printedFunderLists) {
    const funders = [...new Set(ctx.data.fundings.filter((f) => f.agreementCode === agreement.code).map((f) => f.funderCode))];
    const missing = funders.filter((f) => !list.orgCodes.includes(f));
    if (missing.length > 0) {
      out.push(
        finding({
          ...common,
          code: `${agreement.code}-${slug(list.sourceRef)}-funder-list`,
          check: 'printed_funder_list',
          severity: 'info',
          location: `${ctx.agreementName(agreement.code)}, ${list.sourceRef}`,
          field: 'printedFunderLists',
          printedValue: list.orgCodes.map((c) => ctx.orgName(c)).join(', '),
          computedValue: funders.map((c) => ctx.orgName(c)).join(', '),
          message: `${list.sourceRef} : la liste des co-financeurs (${list.orgCodes.map((c) => ctx.orgName(c)).join(', ')}) n'inclut pas : ${missing.map((c) => ctx.orgName(c)).join(', ')}, qui finance pourtant ${[...new Set(ctx.data.fundings.filter((f) => missing.includes(f.funderCode)).map((f) => ctx.programme(f.programmeCode)?.name ?? f.programmeCode))].join(' et ')} d'après les tableaux de financement.`,
        }),
      );
    }
  }

  // Representative in the heading vs signer.
  for (const s of agreement.signatories) {
    if (!s.representedBy || !s.signedBy) continue;
    if (personKey(s.representedBy) === personKey(s.signedBy)) continue;
    out.push(
      finding({
        ...common,
        code: `${agreement.code}-signatory-${s.orgCode}-representative`,
        check: 'signatory_representative',
        severity: 'warning',
        location: `${ctx.agreementName(agreement.code)}, en-tête et bloc de signature (${ctx.orgName(s.orgCode)})`,
        field: 'signatories.signedBy',
        printedValue: s.representedBy,
        computedValue: s.signedBy,
        message: `Pour ${ctx.orgName(s.orgCode)}, l'en-tête désigne ${s.representedBy} comme représentant, mais le bloc de signature porte le nom de ${s.signedBy}${s.signatureCapacity ? ` (« ${s.signatureCapacity} »)` : ''}.`,
      }),
    );
  }

  // Renewal clause wording.
  const renewal = agreement.renewal;
  if (renewal.printed && renewal.kind === 'tacit' && /express/i.test(renewal.printed)) {
    out.push(
      finding({
        ...common,
        code: `${agreement.code}-renewal-wording`,
        check: 'renewal_wording',
        severity: 'info',
        location: `${ctx.agreementName(agreement.code)}, durée et renouvellement`,
        field: 'renewal',
        printedValue: renewal.printed,
        computedValue: 'tacit',
        message: `La clause « ${renewal.printed} » associe renouvellement exprès et tacite reconduction ; la reconduction tacite (sans terme) est retenue pour le calendrier des échéances.`,
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// Pacte de solidarité
// ---------------------------------------------------------------------------

function checkPacte(ctx: Context, out: ReconciliationFinding[]): void {
  const pacte = ctx.data.pacte;
  const common = { agreementCode: pacte.agreementCode };
  const where = ctx.agreementName(pacte.agreementCode);
  const state = sumCents(pacte.actions.map((a) => a.stateAmountCents));
  const metropole = sumCents(pacte.actions.map((a) => a.metropoleAmountCents));
  const totals: [string, string, number, number][] = [
    ['state-total', 'total État du tableau des engagements', pacte.printedTotals.stateCents, state],
    ['metropole-total', 'total Dijon Métropole du tableau des engagements', pacte.printedTotals.metropoleCents, metropole],
    ['state-article-1', "montant État de l'article 1", pacte.printedTotals.article1EachCents, state],
    ['metropole-article-1', "montant Dijon Métropole de l'article 1", pacte.printedTotals.article1EachCents, metropole],
    ['state-article-2-3-1', "soutien de l'État de l'article 2.3.1", pacte.printedTotals.article231StateCents, state],
  ];
  for (const [code, label, printed, computed] of totals) {
    if (printed === computed) continue;
    out.push(
      finding({
        ...common,
        code: `${pacte.agreementCode}-${code}`,
        check: 'pacte_totals',
        severity: 'error',
        location: `${where}, annexe 1 (tableau des engagements)`,
        field: code,
        printedCents: printed,
        computedCents: computed,
        message: `Le ${label} (${formatCents(printed)}) ne correspond pas à la somme des ${pacte.actions.length} actions (${formatCents(computed)}).`,
      }),
    );
  }
  if (metropole < state) {
    out.push(
      finding({
        ...common,
        code: `${pacte.agreementCode}-parity-total`,
        check: 'pacte_parity',
        severity: 'error',
        location: `${where}, ${pacte.parityRule.sourceRef}`,
        field: 'metropoleAmountCents',
        printedCents: metropole,
        computedCents: state,
        message: `Dijon Métropole consacre ${formatCents(metropole)}, moins que l'État (${formatCents(state)}), contrairement à la règle de parité.`,
      }),
    );
  }
  for (const action of pacte.actions) {
    const actionWhere = `${where}, action ${action.number}`;
    if (action.metropoleAmountCents < action.stateAmountCents) {
      out.push(
        finding({
          ...common,
          code: `${pacte.agreementCode}-action-${slug(action.number)}-parity`,
          check: 'pacte_parity',
          severity: 'warning',
          location: actionWhere,
          field: 'metropoleAmountCents',
          printedCents: action.metropoleAmountCents,
          computedCents: action.stateAmountCents,
          message: `Action ${action.number} : Dijon Métropole (${formatCents(action.metropoleAmountCents)}) apporte moins que l'État (${formatCents(action.stateAmountCents)}).`,
        }),
      );
    }
    const funded = action.stateAmountCents + action.metropoleAmountCents;
    if (funded !== action.estimatedBudgetCents) {
      out.push(
        finding({
          ...common,
          code: `${pacte.agreementCode}-action-${slug(action.number)}-estimated-budget`,
          check: 'pacte_estimated_budget',
          severity: 'warning',
          location: `${actionWhere}, fiche action (budget estimé)`,
          field: 'estimatedBudgetCents',
          printedCents: action.estimatedBudgetCents,
          computedCents: funded,
          message: `Action ${action.number} : budget estimé de ${formatCents(action.estimatedBudgetCents)} pour ${formatCents(funded)} de financements État + Dijon Métropole.`,
        }),
      );
    }
    if (normalizeText(action.tableTitle) !== normalizeText(action.ficheTitle)) {
      out.push(
        finding({
          ...common,
          code: `${pacte.agreementCode}-action-${slug(action.number)}-title`,
          check: 'pacte_action_title',
          severity: 'info',
          location: `${actionWhere}, annexe 1 et annexe 2`,
          field: 'title',
          printedValue: action.tableTitle,
          computedValue: action.ficheTitle,
          message: `L'action ${action.number} est intitulée « ${action.tableTitle} » dans le tableau des engagements et « ${action.ficheTitle} » dans sa fiche action.`,
        }),
      );
    }
  }
}

// ---------------------------------------------------------------------------
// CAF ↔ Grand Dijon
// ---------------------------------------------------------------------------

function checkCaf(ctx: Context, out: ReconciliationFinding[]): void {
  const caf = ctx.data.cafTargets;
  const ops = caf.rehousing.operations;
  const known = ops.reduce((acc, o) => acc + (o.households ?? 0), 0);
  const unknown = ops.filter((o) => o.households === null);
  const approximate = ops.filter((o) => o.approximate);
  if (known === caf.rehousing.printedTotalHouseholds && unknown.length === 0) return;
  out.push(
    finding({
      agreementCode: caf.agreementCode,
      code: `${caf.agreementCode}-rehousing-breakdown`,
      check: 'caf_rehousing_breakdown',
      severity: unknown.length > 0 ? 'info' : 'warning',
      location: `${ctx.agreementName(caf.agreementCode)}, ${caf.rehousing.sourceRef.toLowerCase()}`,
      field: 'rehousing.operations.households',
      printedValue: caf.rehousing.printedTotalHouseholds,
      computedValue: known,
      message: `Les opérations de relogement chiffrées totalisent ${known} ménages (${ops
        .filter((o) => o.households !== null)
        .map((o) => `${o.name} : ${o.approximate ? 'environ ' : ''}${o.households}`)
        .join(', ')}) pour ${caf.rehousing.printedTotalHouseholds} ménages annoncés sur ${caf.rehousing.period}${unknown.length > 0 ? ` ; ${unknown.map((o) => o.name).join(', ')} : nombre à définir` : ''}${approximate.length > 0 ? ` ; ${approximate.length} chiffres sont approximatifs (« environ »)` : ''}.`,
    }),
  );
}
