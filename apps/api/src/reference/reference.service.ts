import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JsonValue } from '../common/json-value';
import { VersionedCache } from '../common/versioned-cache';
import { programmeRefOr404, type ProgrammeRef } from '../common/programme-ref';
import type {
  AgreementDetail,
  AgreementSummary,
  BudgetGroupView,
  BudgetView,
  CheckedAmount,
  EarmarkView,
  FundingView,
  ObligationStatus,
  ObligationsResponse,
  ProgrammeDetail,
  ProgrammeSummary,
  ReconciliationFindingView,
} from '@sdat/api-types';
import { sumCents } from '@sdat/format';
import {
  expandObligations,
  type Agreement as ScheduleAgreement,
  type AgreementCode,
  type ObligationOccurrence,
  type ObligationRule as ScheduleRule,
  type ProgrammeCode,
  type RenewalRule,
} from '@sdat/reference-data';
import { DataSource, In } from 'typeorm';
import {
  Agreement,
  AgreementAction,
  AgreementArticle,
  AgreementSignatory,
  AgreementTarget,
  Budget,
  BudgetGroup,
  BudgetLine,
  CapacityTarget,
  Earmark,
  Funding,
  FundingNote,
  IndicatorRequirement,
  ObligationRule,
  Programme,
  ProgrammePilot,
  ReconciliationFinding,
  StaffLine,
} from '../database/entities';

/** The stored rule, in the shape the schedule library expands. */
const toScheduleRule = (r: ObligationRule): ScheduleRule => {
  const details = r.details as { pacteActionNumber?: string | null; validFrom?: string | null; validTo?: string | null };
  return {
    id: r.code,
    agreementCode: r.agreement.code as AgreementCode,
    ...(r.programme ? { programmeCode: r.programme.code as ProgrammeCode } : {}),
    ...(details.pacteActionNumber ? { pacteActionNumber: details.pacteActionNumber } : {}),
    kind: r.kind as ScheduleRule['kind'],
    label: r.label,
    rule: r.rule as ScheduleRule['rule'],
    responsibleOrgCodes: r.responsibleOrgCodes,
    recipientOrgCodes: r.recipientOrgCodes,
    sourceRef: r.sourceRef ?? '',
    printed: r.printed ?? '',
    ...(details.validFrom ? { validFrom: details.validFrom } : {}),
    ...(details.validTo ? { validTo: details.validTo } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
};

/** The stored agreement, with what the schedule needs: its period and renewal rule. */
const toScheduleAgreement = (a: Agreement): ScheduleAgreement => {
  const renewal = ((a.details as { renewal?: RenewalRule }).renewal ?? { kind: 'none', printed: a.renewalNote }) as RenewalRule;
  return {
    code: a.code as AgreementCode,
    title: a.title,
    kind: a.kind as ScheduleAgreement['kind'],
    sourceDocument: (a.sourceDocument ?? '001') as ScheduleAgreement['sourceDocument'],
    signedOn: a.signedOn,
    startDate: a.startDate ?? '1900-01-01',
    endDate: a.endDate ?? '9999-12-31',
    durationMonths: a.durationMonths ?? 12,
    renewal,
    datesNote: '',
    signatories: [],
    keyArticles: [],
    programmeCodes: [],
    crossReferences: [],
    printedFunderLists: [],
  };
};

const checked = (printedCents: number | null, computedCents: number): CheckedAmount => ({
  printedCents,
  computedCents,
  differenceCents: printedCents === null ? null : printedCents - computedCents,
});

const earmarkView = (e: Earmark): EarmarkView => ({ kind: e.kind, label: e.label, amountCents: e.amountCents });

const findingView = (f: ReconciliationFinding): ReconciliationFindingView => ({
  code: f.code,
  severity: f.severity as ReconciliationFindingView['severity'],
  agreementCode: f.agreement.code,
  programmeCode: f.programme?.code ?? null,
  location: f.location,
  field: f.field,
  printedValue: f.printedValue,
  computedValue: f.computedValue,
  printedCents: f.printedCents,
  computedCents: f.computedCents,
  differenceCents: f.differenceCents,
  message: f.message,
});

/** Read side of the agreements, programmes and their money (issue: data model). */
@Injectable()
export class ReferenceService {
  /** Programme views by programme id, valid while the programme's data version is unchanged (see VersionedCache). */
  private readonly programmeViews = new VersionedCache<JsonValue<ProgrammeDetail>>(1000);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private async programmeOr404(code: string): Promise<Programme> {
    const programme = await this.ds.getRepository(Programme).findOne({
      where: { code },
      relations: { agreement: true, operator: true },
    });
    if (!programme) throw new NotFoundException(`Dispositif introuvable : « ${code} ».`);
    return programme;
  }

  async listProgrammes(): Promise<ProgrammeSummary[]> {
    const programmes = await this.ds.getRepository(Programme).find({
      relations: { agreement: true, operator: true },
      order: { agreement: { code: 'ASC' }, annexNumber: 'ASC', code: 'ASC' },
    });
    return Promise.all(programmes.map((p) => this.summary(p)));
  }

  private async summary(p: Programme): Promise<ProgrammeSummary> {
    const [pilots, fundings, budgets] = await Promise.all([
      this.ds.getRepository(ProgrammePilot).find({ where: { programme: { id: p.id } }, relations: { organisation: true }, order: { id: 'ASC' } }),
      this.ds.getRepository(Funding).find({ where: { programme: { id: p.id } }, relations: { funder: true }, order: { year: 'ASC', position: 'ASC' } }),
      this.ds.getRepository(Budget).find({ where: { programme: { id: p.id } }, order: { year: 'ASC', basis: 'ASC' } }),
    ]);
    const funders = new Map<string, { code: string; name: string; isSignatory: boolean }>();
    for (const f of fundings) {
      if (!funders.has(f.funder.code)) funders.set(f.funder.code, { code: f.funder.code, name: f.funder.name, isSignatory: f.funderIsSignatory });
    }
    return {
      code: p.code,
      name: p.name,
      agreement: { code: p.agreement.code, title: p.agreement.title },
      annexNumber: p.annexNumber,
      operator: { code: p.operator.code, name: p.operator.name },
      pilots: pilots.map((pl) => ({ code: pl.organisation.code, name: pl.organisation.name, role: pl.role as 'pilot' | 'co_pilot' })),
      funders: [...funders.values()],
      budgets: budgets.map((b) => ({ year: b.year, basis: b.basis as 'forecast' | 'actual', demo: b.demo })),
    };
  }

  /**
   * One programme: its version is read first (one statement), then the view comes from the cache or
   * is built (seven reads) — the version covers every table the view shows (migration DataVersions).
   */
  async getProgramme(code: string): Promise<ProgrammeDetail> {
    return (await this.programmeView(await programmeRefOr404(this.ds, code))).value;
  }

  /** The same, with its JSON text serialised once (the route sends it as is), for a programme read with its data version. */
  async programmeView(programme: ProgrammeRef): Promise<JsonValue<ProgrammeDetail>> {
    return this.programmeViews.through(String(programme.id), programme.version, async () => new JsonValue(await this.buildProgramme(programme.code)));
  }

  private async buildProgramme(code: string): Promise<ProgrammeDetail> {
    const p = await this.programmeOr404(code);
    const [summary, targets, staff, requirements] = await Promise.all([
      this.summary(p),
      this.ds.getRepository(CapacityTarget).find({ where: { programme: { id: p.id } }, order: { id: 'ASC' } }),
      this.ds.getRepository(StaffLine).find({ where: { programme: { id: p.id } }, order: { year: 'ASC', basis: 'ASC', position: 'ASC' } }),
      this.ds.getRepository(IndicatorRequirement).find({ where: { programme: { id: p.id } }, order: { position: 'ASC' } }),
    ]);
    return {
      ...summary,
      targetPublic: p.targetPublic,
      territory: p.territory,
      description: p.description,
      capacityTargets: targets.map((t) => ({ code: t.code, label: t.label, value: t.value, unit: t.unit, parentCode: t.parentCode, sourceText: t.sourceText })),
      staff: staff.map((s) => ({
        year: s.year,
        basis: s.basis as 'forecast' | 'actual',
        jobCode: s.jobCode,
        jobTitle: s.jobTitle,
        quantity: s.quantity,
        unit: s.unit,
        printed: s.printed,
        demo: s.demo,
      })),
      indicatorRequirements: requirements.map((r) => ({
        category: r.category as 'means' | 'results',
        printedLabel: r.printedLabel,
        indicatorCodes: r.indicatorCodes,
      })),
    };
  }

  async getBudget(code: string, year: number, basis: 'forecast' | 'actual'): Promise<BudgetView> {
    const p = await this.programmeOr404(code);
    const budget = await this.ds.getRepository(Budget).findOne({ where: { programme: { id: p.id }, year, basis } });
    const basisFr = basis === 'forecast' ? 'prévisionnel' : 'réalisé';
    if (!budget) throw new NotFoundException(`Aucun budget ${basisFr} ${year} pour le dispositif « ${code} ».`);
    const [groups, lines] = await Promise.all([
      this.ds.getRepository(BudgetGroup).find({ where: { budget: { id: budget.id } }, order: { position: 'ASC' } }),
      this.ds.getRepository(BudgetLine).find({ where: { budget: { id: budget.id } }, order: { position: 'ASC' } }),
    ]);
    const earmarks = lines.length
      ? await this.ds.getRepository(Earmark).find({ where: { budgetLine: { id: In(lines.map((l) => l.id)) } }, relations: { budgetLine: true } })
      : [];
    const groupViews: BudgetGroupView[] = groups.map((g) => {
      const own = lines.filter((l) => l.groupCode === g.groupCode && l.side === g.side);
      return {
        groupCode: g.groupCode,
        side: g.side as 'expenses' | 'income',
        label: g.label,
        subtotal: checked(g.printedSubtotalCents, sumCents(own.map((l) => l.amountCents ?? 0))),
        lines: own.map((l) => ({
          accountCode: l.accountCode,
          label: l.label,
          amountCents: l.amountCents,
          printedAmount: l.printedAmount,
          earmarks: earmarks.filter((e) => e.budgetLine?.id === l.id).map(earmarkView),
        })),
      };
    });
    const total = (side: 'expenses' | 'income') => sumCents(lines.filter((l) => l.side === side).map((l) => l.amountCents ?? 0));
    const expenses = total('expenses');
    const income = total('income');
    return {
      programmeCode: p.code,
      year,
      basis,
      printedTitle: budget.printedTitle,
      source: budget.source,
      demo: budget.demo,
      groups: groupViews,
      totals: {
        expenses: checked(budget.printedTotalExpensesCents, expenses),
        income: checked(budget.printedTotalIncomeCents, income),
      },
      operatingResultCents: income - expenses,
    };
  }

  async getFunding(code: string, year: number, basis: 'forecast' | 'actual' = 'forecast'): Promise<FundingView> {
    const p = await this.programmeOr404(code);
    const fundings = await this.ds.getRepository(Funding).find({
      where: { programme: { id: p.id }, year, basis },
      relations: { funder: true },
      order: { position: 'ASC' },
    });
    const earmarks = fundings.length
      ? await this.ds.getRepository(Earmark).find({ where: { funding: { id: In(fundings.map((f) => f.id)) } }, relations: { funding: true } })
      : [];
    const budget = await this.ds.getRepository(Budget).findOne({ where: { programme: { id: p.id }, year, basis } });
    let budgetIncomeCents: number | null = null;
    if (budget) {
      const lines = await this.ds.getRepository(BudgetLine).find({ where: { budget: { id: budget.id }, side: 'income' } });
      budgetIncomeCents = sumCents(lines.map((l) => l.amountCents ?? 0));
    }
    const note = await this.ds.getRepository(FundingNote).findOne({ where: { programme: { id: p.id }, year } });
    return {
      programmeCode: p.code,
      year,
      basis,
      lines: fundings.map((f) => ({
        funder: { code: f.funder.code, name: f.funder.name },
        label: f.label,
        amountCents: f.amountCents,
        funderIsSignatory: f.funderIsSignatory,
        earmarks: earmarks.filter((e) => e.funding?.id === f.id).map(earmarkView),
        source: f.source,
        demo: f.demo,
      })),
      totalCents: sumCents(fundings.map((f) => f.amountCents)),
      budgetIncomeCents,
      note: basis === 'forecast' && note ? note.printed : null,
    };
  }

  private async agreementSummary(a: Agreement): Promise<AgreementSummary> {
    const [signatories, programmes] = await Promise.all([
      this.ds.getRepository(AgreementSignatory).find({ where: { agreement: { id: a.id } }, relations: { organisation: true }, order: { id: 'ASC' } }),
      // Codes only: an agreement may hold a thousand programmes (the national benchmark's does).
      this.ds.getRepository(Programme).find({ select: { id: true, code: true, annexNumber: true }, where: { agreement: { id: a.id } }, order: { annexNumber: 'ASC' } }),
    ]);
    return {
      code: a.code,
      title: a.title,
      kind: a.kind,
      startDate: a.startDate,
      endDate: a.endDate,
      durationMonths: a.durationMonths,
      renewalKind: a.renewalKind,
      renewalNote: a.renewalNote,
      noticeMonths: a.noticeMonths,
      signatories: signatories.map((s) => ({ code: s.organisation.code, name: s.organisation.name, role: s.role, representedBy: s.representedBy })),
      programmeCodes: programmes.map((p) => p.code),
    };
  }

  async listAgreements(): Promise<AgreementSummary[]> {
    const agreements = await this.ds.getRepository(Agreement).find({ order: { startDate: 'DESC', code: 'ASC' } });
    return Promise.all(agreements.map((a) => this.agreementSummary(a)));
  }

  /** The summary of one agreement (what `getAgreement` starts with), without its articles, actions, targets, rules and findings. */
  async getAgreementSummary(code: string): Promise<AgreementSummary> {
    const a = await this.ds.getRepository(Agreement).findOne({ where: { code } });
    if (!a) throw new NotFoundException(`Convention introuvable : « ${code} ».`);
    return this.agreementSummary(a);
  }

  async getAgreement(code: string): Promise<AgreementDetail> {
    const a = await this.ds.getRepository(Agreement).findOne({ where: { code } });
    if (!a) throw new NotFoundException(`Convention introuvable : « ${code} ».`);
    const [summary, articles, programmes, actions, targets, rules, findings] = await Promise.all([
      this.agreementSummary(a),
      this.ds.getRepository(AgreementArticle).find({ where: { agreement: { id: a.id } }, order: { id: 'ASC' } }),
      this.ds.getRepository(Programme).find({ where: { agreement: { id: a.id } }, order: { annexNumber: 'ASC' } }),
      this.ds.getRepository(AgreementAction).find({ where: { agreement: { id: a.id } }, order: { id: 'ASC' } }),
      this.ds.getRepository(AgreementTarget).find({ where: { agreement: { id: a.id } }, relations: { action: true }, order: { id: 'ASC' } }),
      this.ds.getRepository(ObligationRule).find({ where: { agreement: { id: a.id } }, relations: { programme: true }, order: { id: 'ASC' } }),
      this.ds.getRepository(ReconciliationFinding).find({ where: { agreement: { id: a.id } }, relations: { agreement: true, programme: true }, order: { id: 'ASC' } }),
    ]);
    return {
      ...summary,
      articles: articles.map((x) => ({ ref: x.ref, title: x.title, summary: x.summary })),
      programmes: programmes.map((p) => ({ code: p.code, name: p.name, annexNumber: p.annexNumber })),
      actions: actions.map((x) => ({
        number: x.number,
        axis: x.axis,
        title: x.title,
        stateAmountCents: x.stateAmountCents,
        metropoleAmountCents: x.metropoleAmountCents,
        estimatedBudgetCents: x.estimatedBudgetCents,
        timetable: x.timetable,
      })),
      targets: targets.map((t) => ({
        code: t.code,
        label: t.label,
        actionNumber: t.action?.number ?? null,
        targetValue: t.targetValue,
        unit: t.unit,
        period: t.period,
        sourceText: t.sourceText,
      })),
      obligationRules: rules.map((r) => ({
        code: r.code,
        kind: r.kind,
        label: r.label,
        programmeCode: r.programme?.code ?? null,
        printed: r.printed,
        sourceRef: r.sourceRef,
      })),
      findings: findings.map(findingView),
    };
  }

  async listFindings(): Promise<ReconciliationFindingView[]> {
    const findings = await this.ds.getRepository(ReconciliationFinding).find({
      relations: { agreement: true, programme: true },
      order: { id: 'ASC' },
    });
    return findings.map(findingView);
  }

  /** The reconciliation findings of one programme: `listFindings()` filtered on it, read with a WHERE. */
  async programmeFindings(code: string): Promise<ReconciliationFindingView[]> {
    const findings = await this.ds.getRepository(ReconciliationFinding).find({
      where: { programme: { code } },
      relations: { agreement: true, programme: true },
      order: { id: 'ASC' },
    });
    return findings.map(findingView);
  }

  /**
   * The occurrences of ONE programme's own rules of one kind between two dates, as `obligations()`
   * expands them (same rules, same agreement validity, same order), without their status. Reads
   * those rules and their agreement only — `obligations()` reads every rule, agreement and forecast
   * budget of the country (5,000 budgets at national scale) — so that a report can know its own
   * due date cheaply.
   */
  async programmeObligations(code: string, kind: string, from: string, to: string): Promise<ObligationOccurrence[]> {
    const rules = await this.ds.getRepository(ObligationRule).find({
      where: { programme: { code }, kind },
      relations: { agreement: true, programme: true },
      order: { id: 'ASC' },
    });
    const agreements = new Map(rules.map((r) => [r.agreement.code, r.agreement]));
    return expandObligations(rules.map(toScheduleRule), [...agreements.values()].map(toScheduleAgreement), { from, to });
  }

  /**
   * Concrete obligations between two dates, computed from the rules stored with each agreement
   * (never typed dates), with a status: 'remis' when the expected document is in the database
   * (a forecast budget for its year, an annual report submitted to the pilot), 'valide' when the
   * pilot validated the annual report, 'en_retard' when its date has passed without it,
   * 'a_venir' before the date, 'sans_date' when the agreement sets no date.
   */
  async obligations(from: string, to: string, today: string, extend: string[] = []): Promise<ObligationsResponse> {
    const [ruleRows, agreementRows] = await Promise.all([
      this.ds.getRepository(ObligationRule).find({ relations: { agreement: true, programme: true }, order: { id: 'ASC' } }),
      this.ds.getRepository(Agreement).find(),
    ]);
    const occurrences = expandObligations(ruleRows.map(toScheduleRule), agreementRows.map(toScheduleAgreement), {
      from,
      to,
      extendAgreements: extend.includes('all') ? agreementRows.map((a) => a.code as AgreementCode) : (extend as AgreementCode[]),
    });
    const budgets = await this.ds.getRepository(Budget).find({ where: { basis: 'forecast' }, relations: { programme: true } });
    const forecastHeld = new Set(budgets.map((b) => `${b.programme.code}|${b.year}`));
    const reports: { code: string; year: number; status: string }[] = await this.ds.query(
      `SELECT p.code, r.year, r.status FROM annual_report r JOIN programme p ON p.id = r.programme_id WHERE r.status <> 'draft'`,
    );
    const reportStatus = new Map(reports.map((r) => [`${r.code}|${r.year}`, r.status]));
    const statusOf = (o: ObligationOccurrence): ObligationStatus => {
      if (o.kind === 'forecast_budget' && o.programmeCode && forecastHeld.has(`${o.programmeCode}|${o.periodYear}`)) return 'remis';
      if (o.kind === 'annual_report' && o.programmeCode) {
        const status = reportStatus.get(`${o.programmeCode}|${o.periodYear}`);
        if (status === 'validated') return 'valide';
        if (status === 'submitted') return 'remis';
      }
      if (!o.dueDate) return 'sans_date';
      return o.dueDate < today ? 'en_retard' : 'a_venir';
    };
    return {
      from,
      to,
      today,
      obligations: occurrences.map((o) => ({
        ruleCode: o.ruleId,
        kind: o.kind,
        label: o.label,
        agreementCode: o.agreementCode,
        programmeCode: o.programmeCode ?? null,
        periodYear: o.periodYear,
        dueDate: o.dueDate,
        windowStart: o.windowStart,
        windowEnd: o.windowEnd,
        dueDateRule: o.dueDateRule,
        sourceRef: o.sourceRef,
        beyondPrintedValidity: o.beyondPrintedValidity,
        status: statusOf(o),
      })),
    };
  }
}
