import { createHash } from 'node:crypto';
import {
  findReconciliationFindings,
  referenceData as defaultReferenceData,
  type ReferenceData,
} from '@sdat/reference-data';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
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
  Organisation,
  Programme,
  ProgrammePilot,
  ReconciliationFinding,
  ReferenceDataLoad,
  SocialLifeFund,
  StaffLine,
} from '../database/entities';

/** Account line of the social-life fund (fonds de solidarité) in the SDAT budgets. */
export const SOCIAL_LIFE_FUND_ACCOUNT = '658600';

export function referenceDataHash(data: ReferenceData): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

/**
 * Loads the reference data transcribed from the seed documents (organisations, agreements,
 * programmes, 2022 budgets line by line, funding tables, obligation rules, Pacte actions, CAF
 * targets) and the reconciliation findings computed on it. Runs at start-up in ONE transaction and
 * only when the content changed (SHA-256), so restarting keeps every other row untouched.
 * Rows loaded from the documents carry source = 'document' and demo = false.
 */
export async function loadReferenceData(
  dataSource: DataSource,
  data: ReferenceData = defaultReferenceData,
): Promise<{ loaded: boolean; hash: string }> {
  const hash = referenceDataHash(data);
  return dataSource.transaction('SERIALIZABLE', async (em) => {
    // One loader at a time (two instances starting together).
    await em.query('SELECT pg_advisory_xact_lock(424242)');
    const last = await em.getRepository(ReferenceDataLoad).find({ order: { id: 'DESC' }, take: 1 });
    if (last[0]?.contentHash === hash) return { loaded: false, hash };
    await writeReferenceData(em, data);
    await em.getRepository(ReferenceDataLoad).insert({ contentHash: hash });
    return { loaded: true, hash };
  });
}

async function writeReferenceData(em: EntityManager, data: ReferenceData): Promise<void> {
  // --- organisations (upsert by code: users and other rows may point at them)
  const orgRepo = em.getRepository(Organisation);
  for (const o of data.organisations) {
    await orgRepo.upsert(
      { code: o.code, name: o.name, kinds: [...o.kinds], aliases: [...o.aliases], note: o.note ?? null },
      ['code'],
    );
  }
  const orgs = new Map((await orgRepo.find()).map((o) => [o.code, o]));
  const org = (code: string): Organisation => {
    const found = orgs.get(code);
    if (!found) throw new Error(`Organisation inconnue dans les données de référence : ${code}`);
    return found;
  };

  // --- agreements
  const agreementRepo = em.getRepository(Agreement);
  for (const a of data.agreements) {
    await agreementRepo.upsert(
      {
        code: a.code,
        title: a.title,
        kind: a.kind,
        startDate: a.startDate,
        endDate: a.endDate,
        durationMonths: a.durationMonths,
        renewalKind: a.renewal.kind,
        noticeMonths: a.renewal.kind === 'none' ? (a.terminationNoticeMonths ?? null) : (a.renewal.noticeMonths ?? a.terminationNoticeMonths ?? null),
        renewalNote: a.renewal.printed,
        sourceDocument: a.sourceDocument,
        signedOn: a.signedOn,
        details: {
          datesNote: a.datesNote,
          terminationRule: a.terminationRule ?? null,
          renewal: a.renewal,
          crossReferences: a.crossReferences,
          printedFunderLists: a.printedFunderLists,
        },
      },
      ['code'],
    );
  }
  const agreements = new Map((await agreementRepo.find()).map((a) => [a.code, a]));
  const agreement = (code: string): Agreement => {
    const found = agreements.get(code);
    if (!found) throw new Error(`Convention inconnue : ${code}`);
    return found;
  };
  const docAgreements = data.agreements.map((a) => agreement(a.code));
  const agreementIds = docAgreements.map((a) => a.id);

  await em.query('DELETE FROM agreement_signatory WHERE agreement_id = ANY($1)', [agreementIds]);
  await em.query('DELETE FROM agreement_article WHERE agreement_id = ANY($1)', [agreementIds]);
  for (const a of data.agreements) {
    const ag = agreement(a.code);
    await em.insert(
      AgreementSignatory,
      a.signatories.map((s) => ({ agreement: ag, organisation: org(s.orgCode), role: s.role, representedBy: s.representedBy })),
    );
    if (a.keyArticles.length) {
      await em.insert(
        AgreementArticle,
        a.keyArticles.map((k) => ({ agreement: ag, ref: k.ref, title: k.title, summary: k.summary })),
      );
    }
  }

  // --- programmes
  const programmeRepo = em.getRepository(Programme);
  for (const p of data.programmes) {
    await programmeRepo.upsert(
      {
        code: p.code,
        name: p.name,
        agreement: agreement(p.agreementCode),
        annexNumber: p.annex,
        operator: org(p.operatorCode),
        targetPublic: p.targetPublic.join('\n'),
        territory: p.territory,
        description: p.openingNotes.join('\n') || null,
        details: {
          coOperatorCodes: p.coOperatorCodes,
          formerNames: p.formerNames,
          pilotsPrinted: p.pilotsPrinted,
          openingNotes: p.openingNotes,
          activityNotes: p.activityNotes,
        },
      },
      ['code'],
    );
  }
  const programmes = new Map((await programmeRepo.find()).map((p) => [p.code, p]));
  const programme = (code: string): Programme => {
    const found = programmes.get(code);
    if (!found) throw new Error(`Dispositif inconnu : ${code}`);
    return found;
  };
  const programmeIds = data.programmes.map((p) => programme(p.code).id);
  await em.query('DELETE FROM programme_pilot WHERE programme_id = ANY($1)', [programmeIds]);
  await em.query('DELETE FROM capacity_target WHERE programme_id = ANY($1)', [programmeIds]);
  await em.query('DELETE FROM indicator_requirement WHERE programme_id = ANY($1)', [programmeIds]);
  await em.query("DELETE FROM staff_line WHERE programme_id = ANY($1) AND source = 'document'", [programmeIds]);
  for (const p of data.programmes) {
    const prog = programme(p.code);
    await em.insert(ProgrammePilot, p.pilots.map((pl) => ({ programme: prog, organisation: org(pl.orgCode), role: pl.role })));
    const targets: Partial<CapacityTarget>[] = [];
    const walk = (t: (typeof p.capacityTargets)[number], parent: string | null) => {
      targets.push({ programme: prog, code: t.code, label: t.label, value: t.value, unit: t.unit, parentCode: parent, sourceText: t.printed });
      for (const child of t.of ?? []) walk(child, t.code);
    };
    p.capacityTargets.forEach((t) => walk(t, null));
    if (targets.length) await em.insert(CapacityTarget, targets);
    if (p.indicators.length) {
      await em.insert(
        IndicatorRequirement,
        p.indicators.map((ind, i) => ({
          programme: prog,
          position: i + 1,
          category: ind.kind === 'means' ? 'means' : 'results',
          printedLabel: ind.label,
          indicatorCodes: [ind.code],
        })),
      );
    }
    // Staff of the annex: the 2022 forecast (the convention cadre 2022).
    if (p.staff.length) {
      await em.insert(
        StaffLine,
        p.staff.map((s, i) => ({
          programme: prog,
          year: 2022,
          basis: 'forecast',
          position: i + 1,
          jobCode: s.jobCode,
          jobTitle: s.jobTitle,
          quantity: s.unit === 'fte' ? s.fteValue : s.quantity,
          unit: s.unit,
          printed: s.printed,
          source: 'document' as const,
          demo: false,
        })),
      );
    }
  }

  // --- budgets, line by line, with the printed subtotals and totals kept as printed
  for (const b of data.budgets) {
    const prog = programme(b.programmeCode);
    await em.query("DELETE FROM budget WHERE programme_id = $1 AND year = $2 AND basis = $3 AND source = 'document'", [prog.id, b.year, b.basis]);
    const budget = await em.save(
      em.create(Budget, {
        programme: prog,
        year: b.year,
        basis: b.basis,
        printedTitle: b.title,
        printedTotalExpensesCents: b.printedTotalExpensesCents,
        printedTotalIncomeCents: b.printedTotalIncomeCents,
        source: 'document',
        demo: false,
      }),
    );
    let linePosition = 0;
    for (const [gi, g] of b.groups.entries()) {
      const group = await em.save(
        em.create(BudgetGroup, {
          budget,
          groupCode: g.groupCode,
          side: g.side,
          label: g.printedLabel,
          printedSubtotalCents: g.printedSubtotalCents,
          position: gi + 1,
          notes: g.notes ?? [],
        }),
      );
      if (g.earmarked?.length) {
        await em.insert(Earmark, g.earmarked.map((e) => ({ budgetGroup: group, kind: e.kind, label: e.printed, amountCents: e.amountCents })));
      }
      const lines = g.lines.length
        ? g.lines.map((l) => ({
            accountCode: l.accountCode,
            label: l.label,
            amountCents: l.amountCents,
            printedAmount: l.printed === '' ? null : l.printed,
            funderCode: l.funderCode ?? null,
            groupWithoutDetail: false,
            earmarked: l.earmarked ?? [],
          }))
        : // The document prints this group without any line (e.g. 63/64 personnel): its amount is the group's.
          g.printedSubtotalCents !== 0
          ? [
              {
                accountCode: null,
                label: g.label,
                amountCents: g.printedSubtotalCents,
                printedAmount: g.printedSubtotal,
                funderCode: null,
                groupWithoutDetail: true,
                earmarked: [] as NonNullable<(typeof g.lines)[number]['earmarked']>,
              },
            ]
          : [];
      for (const l of lines) {
        const saved = await em.save(
          em.create(BudgetLine, {
            budget,
            groupCode: g.groupCode,
            side: g.side,
            accountCode: l.accountCode,
            label: l.label,
            amountCents: l.amountCents,
            printedAmount: l.printedAmount,
            funder: l.funderCode ? org(l.funderCode) : null,
            groupWithoutDetail: l.groupWithoutDetail,
            position: ++linePosition,
          }),
        );
        if (l.earmarked.length) {
          await em.insert(Earmark, l.earmarked.map((e) => ({ budgetLine: saved, kind: e.kind, label: e.printed, amountCents: e.amountCents })));
        }
      }
    }
    // Social-life fund envelope = the fonds de solidarité line of the budget (art. 2-IV-3).
    const fund = b.groups.flatMap((g) => g.lines).find((l) => l.accountCode === SOCIAL_LIFE_FUND_ACCOUNT);
    await em.query("DELETE FROM social_life_fund WHERE programme_id = $1 AND year = $2 AND source = 'document'", [prog.id, b.year]);
    if (fund?.amountCents != null) {
      await em.insert(SocialLifeFund, {
        programme: prog,
        year: b.year,
        envelopeCents: fund.amountCents,
        usedCents: null,
        carriedOverCents: null,
        source: 'document',
        demo: false,
      });
    }
  }

  // --- funding tables
  const fundedKeys = new Set(data.fundings.map((f) => `${f.programmeCode}|${f.year}`));
  for (const key of fundedKeys) {
    const [code, year] = key.split('|');
    await em.query("DELETE FROM funding WHERE programme_id = $1 AND year = $2 AND source = 'document'", [programme(code as string).id, Number(year)]);
  }
  for (const [i, f] of data.fundings.entries()) {
    const funding = await em.save(
      em.create(Funding, {
        programme: programme(f.programmeCode),
        year: f.year,
        funder: org(f.funderCode),
        label: f.label,
        amountCents: f.amountCents,
        funderIsSignatory: f.funderIsSignatory,
        position: i + 1,
        printed: f.printed,
        breakdown: f.breakdown ? (f.breakdown) : null,
        source: 'document',
        demo: false,
      }),
    );
    if (f.earmarked.length) {
      await em.insert(Earmark, f.earmarked.map((e) => ({ funding, kind: e.kind, label: e.printed, amountCents: e.amountCents })));
    }
  }
  await em.query('DELETE FROM funding_note WHERE programme_id = ANY($1)', [programmeIds]);
  for (const n of data.fundingSummaryNotes) {
    await em.insert(FundingNote, {
      programme: programme(n.programmeCode),
      year: n.year,
      totalFunderCount: n.totalFunderCount,
      onlySignatoriesListed: n.onlySignatoriesListed,
      printed: n.printed,
    });
  }

  // --- obligation rules (rules only; dates are computed)
  await em.query('DELETE FROM obligation_rule WHERE agreement_id = ANY($1)', [agreementIds]);
  for (const r of data.obligationRules) {
    await em.insert(ObligationRule, {
      code: r.id,
      agreement: agreement(r.agreementCode),
      programme: r.programmeCode ? programme(r.programmeCode) : null,
      kind: r.kind,
      label: r.label,
      rule: r.rule,
      responsibleOrgCodes: r.responsibleOrgCodes,
      recipientOrgCodes: r.recipientOrgCodes,
      sourceRef: r.sourceRef,
      printed: r.printed,
      note: r.note ?? null,
      details: { pacteActionNumber: r.pacteActionNumber ?? null, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null },
    });
  }

  // --- Pacte de solidarité: actions and their indicator targets; CAF targets
  const pacte = agreement(data.pacte.agreementCode);
  await em.query('DELETE FROM agreement_target WHERE agreement_id = ANY($1)', [agreementIds]);
  await em.query('DELETE FROM agreement_action WHERE agreement_id = $1', [pacte.id]);
  const axisTitle = new Map(data.pacte.axes.map((a) => [a.number, a.title]));
  for (const a of data.pacte.actions) {
    const action = await em.save(
      em.create(AgreementAction, {
        agreement: pacte,
        number: a.number,
        axis: `${a.axisNumber}. ${axisTitle.get(a.axisNumber) ?? ''}`.trim(),
        title: a.ficheTitle || a.tableTitle,
        stateAmountCents: a.stateAmountCents,
        metropoleAmountCents: a.metropoleAmountCents,
        estimatedBudgetCents: a.estimatedBudgetCents,
        timetable: a.timetable,
        details: {
          tableTitle: a.tableTitle,
          objective: a.objective,
          description: a.description,
          targetPublic: a.targetPublic,
          territory: a.territory,
          figures: a.figures,
          indicators: a.indicators,
          printed: { state: a.statePrinted, metropole: a.metropolePrinted, estimatedBudget: a.estimatedBudgetPrinted },
        },
      }),
    );
    const withTarget = a.indicators.filter((ind) => ind.target);
    if (withTarget.length) {
      await em.insert(
        AgreementTarget,
        withTarget.map((ind, i) => ({
          agreement: pacte,
          action,
          code: `pacte-${a.number}-${i + 1}`,
          label: ind.label,
          targetValue: ind.target?.value ?? null,
          unit: ind.target?.unit ?? null,
          period: String(data.pacte.year),
          sourceText: ind.target?.printed ?? null,
        })),
      );
    }
  }
  const caf = agreement(data.cafTargets.agreementCode);
  if (data.cafTargets.numericTargets.length) {
    await em.insert(
      AgreementTarget,
      data.cafTargets.numericTargets.map((t) => ({
        agreement: caf,
        action: null,
        code: t.code,
        label: t.label,
        targetValue: t.value,
        unit: t.unit,
        period: t.years.join('-') || t.period,
        sourceText: t.printed,
      })),
    );
  }

  // --- reconciliation findings, computed from what was just loaded
  await em.query('DELETE FROM reconciliation_finding WHERE agreement_id = ANY($1)', [agreementIds]);
  const findings = findReconciliationFindings(data);
  for (const f of findings) {
    await em.insert(ReconciliationFinding, {
      code: f.code,
      severity: f.severity,
      checkCode: f.check,
      agreement: agreement(f.agreementCode),
      programme: f.programmeCode ? programme(f.programmeCode) : null,
      location: f.location,
      field: f.field,
      printedValue: f.printedValue === undefined ? null : String(f.printedValue),
      computedValue: f.computedValue === undefined ? null : String(f.computedValue),
      printedCents: f.printedCents ?? null,
      computedCents: f.computedCents ?? null,
      differenceCents: f.differenceCents ?? null,
      message: f.message,
    });
  }
}
