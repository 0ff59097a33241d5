import type {
  AgreementDetail,
  AgreementSummary,
  BudgetGroupView,
  BudgetLineView,
  BudgetView,
  FundingView,
  ObligationsResponse,
  ProgrammeDetail,
  ProgrammeSummary,
  ReconciliationFindingView,
} from '@sdat/api-types';

/**
 * API responses used by the component tests, typed with @sdat/api-types.
 * Figures from the convention cadre 2022 (annex 1, ACOR Centre Ville); money in cents.
 */

function line(accountCode: string | null, label: string, amountCents: number | null): BudgetLineView {
  return {
    accountCode,
    label,
    amountCents,
    printedAmount: amountCents === null ? null : String(amountCents / 100),
    earmarks: [],
  };
}

function group(
  groupCode: string,
  side: 'expenses' | 'income',
  label: string,
  printedCents: number | null,
  lines: BudgetLineView[],
): BudgetGroupView {
  const computedCents = lines.reduce((sum, item) => sum + (item.amountCents ?? 0), 0);
  return {
    groupCode,
    side,
    label,
    subtotal: {
      printedCents,
      computedCents,
      differenceCents: printedCents === null ? null : printedCents - computedCents,
    },
    lines,
  };
}

const segurHeadOffice = {
  ...line('655700', 'frais de siège Direction', 3216000),
  earmarks: [{ kind: 'segur', label: '(dt 2 059 € s/Primes Médico-social 1/4/22)', amountCents: 205900 }],
};

/** BP 2022 of ACOR Centre Ville: group 74 is printed 652 913 € but its lines add up to 675 281 €. */
export const acorCentreVilleBudget2022: BudgetView = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'forecast',
  printedTitle: 'BP 2022',
  source: 'document',
  demo: false,
  groups: [
    group('60', 'expenses', '60 - ACHATS', 3977200, [
      line('606120', 'eau, électricité, chauffage', 1878200),
      line('606211', 'combustibles et carburants', 250000),
      line('606231', "fournitures d'atelier", 425000),
      line('606240', 'fournitures de bureau et informatiques', 264300),
      line('606250', 'fournitures éducatives et de loisirs', 33000),
      line('606260', "fournitures hôtelières dont produits d'entretien", 1120500),
      line('606600', 'produits pharmaceutiques et fournitures médicale', 6200),
    ]),
    group('61', 'expenses', '61 - SERVICES EXTERIEURS', 3665400, [line('611200', 'prestations à caractère social', 3665400)]),
    group('62', 'expenses', '62 - AUTRES SERVICES EXTERIEURS', 7435300, [line('628200', 'alimentation à l’extérieur', 7435300)]),
    group('63', 'expenses', '63 - IMPOTS ET TAXES (hors personnel)', 0, [line('635130', 'autres impôts locaux', null)]),
    group('63/64', 'expenses', '63/64 CHARGES DE PERSONNEL (dont primes médico-social au 1/4/2022 : 41 424 €)', 48917400, [line(null, 'charges de personnel', 48917400)]),
    group('65', 'expenses', '65 - CHARGES DE GESTION COURANTE', 3272800, [
      segurHeadOffice,
      line('658600', 'fonds de solidarité', 50000),
      line('658800', 'autres charges gestion courante', 6800),
    ]),
    group('68', 'expenses', '68 - DOTATIONS AUX AMORTISSEMENTS ET PROVISIONS', 656000, [
      line('681120', 'dotations aux amortissements', 656000),
    ]),
    group('70', 'income', '70 - PRODUITS', 396000, [
      line('708000', 'produits des activités annexes - repas délivrés usagers', 396000),
    ]),
    group('74', 'income', "74 - SUBVENTIONS D'EXPLOITATION", 65291300, [
      line(null, 'Subvention Ville de Dijon', 19800000),
      line(null, 'Subvention Métropole Grand Dijon - convention Cadre', 18447400),
      line(null, "Subvention de l'Etat -BOP 177", 16395600),
      line(null, 'Subvention Etat renfort maraudes', 2500000),
      line(null, 'Subvention Etat DDCS', 3800000),
      line(null, "Subvention de l'Etat - DDETS Primes Médico-social au 1/4/22 (Ségur)", 4348300),
      line(null, "Subvention Etat DDCS (poste renfort jusqu'en 05/2022)", 2236800),
    ]),
  ],
  totals: {
    expenses: { printedCents: 67924100, computedCents: 67924100, differenceCents: 0 },
    income: { printedCents: 67924100, computedCents: 67924100, differenceCents: 0 },
  },
  operatingResultCents: 0,
};

export const acorCentreVilleFunding2022: FundingView = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'forecast',
  lines: [
    {
      funder: { code: 'ville-de-dijon', name: 'Ville de Dijon' },
      label: 'Ville de Dijon',
      amountCents: 38247400,
      funderIsSignatory: true,
      earmarks: [],
      source: 'document',
      demo: false,
    },
    {
      funder: { code: 'etat', name: 'État' },
      label: 'État crédits BOP 177',
      amountCents: 29280700,
      funderIsSignatory: true,
      earmarks: [{ kind: 'segur', label: 'primes Ségur : 43 483 €', amountCents: 4348300 }],
      source: 'document',
      demo: false,
    },
    {
      funder: { code: 'caf', name: 'CAF de la Côte-d’Or' },
      label: 'CAF (hors convention)',
      amountCents: 100000,
      funderIsSignatory: false,
      earmarks: [],
      source: 'demo',
      demo: true,
    },
  ],
  totalCents: 67628100,
  budgetIncomeCents: 67924100,
  note: 'Le tableau « Financement pour 2022 » ne liste que les contributions des signataires.',
};

const agreementRef = { code: 'convention-cadre-sdat-2022', title: 'Convention cadre 2022' };
const sdat = { code: 'sdat', name: 'SDAT' };

export const programmeSummaries: ProgrammeSummary[] = [
  {
    code: 'acor-centre-ville',
    name: 'ACOR Centre Ville',
    agreement: agreementRef,
    annexNumber: 1,
    operator: sdat,
    pilots: [{ code: 'ccas-dijon', name: 'CCAS de Dijon', role: 'pilot' }],
    funders: [
      { code: 'ville-de-dijon', name: 'Ville de Dijon', isSignatory: true },
      { code: 'etat', name: 'État', isSignatory: true },
    ],
    budgets: [{ year: 2022, basis: 'forecast', demo: false }],
  },
  {
    code: 'acor-dijon-metropole',
    name: 'ACOR Dijon Métropole',
    agreement: agreementRef,
    annexNumber: 2,
    operator: sdat,
    pilots: [
      { code: 'dijon-metropole', name: 'Dijon Métropole', role: 'co_pilot' },
      { code: 'ccas-chenove', name: 'CCAS de Chenôve', role: 'co_pilot' },
    ],
    funders: [{ code: 'dijon-metropole', name: 'Dijon Métropole', isSignatory: true }],
    budgets: [
      { year: 2022, basis: 'forecast', demo: false },
      { year: 2023, basis: 'actual', demo: true },
    ],
  },
  {
    code: 'emas',
    name: 'EMAS',
    agreement: agreementRef,
    annexNumber: 3,
    operator: sdat,
    pilots: [],
    funders: [],
    budgets: [],
  },
];

export const acorCentreVilleDetail: ProgrammeDetail = {
  ...programmeSummaries[0]!,
  targetPublic: 'Personnes isolées en grande précarité',
  territory: 'Dijon centre-ville',
  description: 'Accueil de jour et équipe mobile.',
  capacityTargets: [
    {
      code: 'suivis',
      label: 'Nombre de suivis annuels',
      value: 220,
      unit: 'follow_ups',
      parentCode: null,
      sourceText: 'Nombre de suivis annuels à exercer : 220',
    },
    {
      code: 'suivis-chenove',
      label: 'mesures sur le territoire de Chenôve',
      value: 60,
      unit: 'measures',
      parentCode: 'suivis',
      sourceText: null,
    },
  ],
  staff: [
    {
      year: 2022,
      basis: 'forecast',
      jobCode: 'directeur-adjoint',
      jobTitle: 'directeur adjoint',
      quantity: 0.15,
      unit: 'fte',
      printed: '0,15 etp de directeur adjoint',
      demo: false,
    },
    {
      year: 2022,
      basis: 'forecast',
      jobCode: 'intervenant-social',
      jobTitle: 'Intervenants sociaux',
      quantity: 8,
      unit: 'posts',
      printed: "8 postes d'intervenants sociaux",
      demo: false,
    },
  ],
  indicatorRequirements: [
    { category: 'means', printedLabel: "nombre d'ETP mobilisés et qualifications", indicatorCodes: ['fte'] },
    { category: 'results', printedLabel: 'fréquentation du lieu d’accueil', indicatorCodes: ['attendance'] },
  ],
};

export const agreementSummaries: AgreementSummary[] = [
  {
    code: 'convention-cadre-sdat-2022',
    title: 'Convention cadre 2022',
    kind: 'framework_agreement',
    startDate: '2022-01-01',
    endDate: '2022-12-31',
    durationMonths: 12,
    renewalKind: 'none',
    renewalNote: 'Une nouvelle convention pluriannuelle sera élaborée en 2023.',
    noticeMonths: null,
    signatories: [
      { code: 'etat', name: 'État', role: 'funder', representedBy: 'le préfet de la région Bourgogne-Franche-Comté' },
      { code: 'dijon-metropole', name: 'Dijon Métropole', role: 'funder', representedBy: 'M. François REBSAMEN' },
      { code: 'sdat', name: 'SDAT', role: 'operator', representedBy: 'Mme Martine GIRARD' },
    ],
    programmeCodes: ['acor-centre-ville', 'acor-dijon-metropole', 'emas'],
  },
];

export const findings: ReconciliationFindingView[] = [
  {
    code: 'acv-2022-74',
    severity: 'warning',
    agreementCode: 'convention-cadre-sdat-2022',
    programmeCode: 'acor-centre-ville',
    location: 'Annexe 1, BP 2022, groupe 74',
    field: 'sous-total',
    printedValue: '652 913',
    computedValue: '675 281',
    printedCents: 65291300,
    computedCents: 67528100,
    differenceCents: -2236800,
    message: 'La ligne « poste renfort » (22 368 €) est imprimée deux fois.',
  },
];

export const agreementDetail: AgreementDetail = {
  ...agreementSummaries[0]!,
  articles: [
    { ref: 'Article 1', title: 'Périmètre de la convention 2022', summary: 'Trois actions : ACOR Centre Ville, ACOR Dijon Métropole, EMAS.' },
    { ref: 'Article 4', title: 'Gouvernance', summary: 'Comité de suivi annuel réuni par le préfet.' },
  ],
  programmes: [
    { code: 'acor-centre-ville', name: 'ACOR Centre Ville', annexNumber: 1 },
    { code: 'emas', name: 'EMAS', annexNumber: 3 },
  ],
  actions: [],
  targets: [],
  obligationRules: [
    {
      code: 'bilan-annuel',
      kind: 'annual_report',
      label: 'Bilan qualitatif et financier',
      programmeCode: 'acor-centre-ville',
      printed: 'La SDAT transmettra au pilote, pour le 15 mars, un bilan qualitatif et financier de l’opération.',
      sourceRef: 'Annexe 1',
    },
  ],
  findings,
};

export const obligations: ObligationsResponse = {
  from: '2025-01-01',
  to: '2026-11-23',
  today: '2025-11-23',
  obligations: [
    {
      ruleCode: 'comite-technique',
      kind: 'technical_committee',
      label: 'Comité technique de suivi',
      agreementCode: 'convention-cadre-sdat-2022',
      programmeCode: 'acor-centre-ville',
      periodYear: 2026,
      dueDate: '2026-03-31',
      windowStart: '2026-01-01',
      windowEnd: '2026-03-31',
      dueDateRule: 'au plus tard le 31 mars',
      sourceRef: 'Annexe 1',
      beyondPrintedValidity: true,
      status: 'a_venir',
    },
    {
      ruleCode: 'bilan-annuel',
      kind: 'annual_report',
      label: 'Bilan qualitatif et financier',
      agreementCode: 'convention-cadre-sdat-2022',
      programmeCode: 'acor-centre-ville',
      periodYear: 2024,
      dueDate: '2025-03-15',
      windowStart: '2025-01-01',
      windowEnd: '2025-03-15',
      dueDateRule: 'le 15 mars de l’année N+1',
      sourceRef: 'Annexe 1',
      beyondPrintedValidity: false,
      status: 'en_retard',
    },
    {
      ruleCode: 'budget-previsionnel',
      kind: 'forecast_budget',
      label: 'Budget prévisionnel',
      agreementCode: 'convention-cadre-sdat-2022',
      programmeCode: null,
      periodYear: 2025,
      dueDate: '2024-12-01',
      windowStart: '2024-01-01',
      windowEnd: '2024-12-01',
      dueDateRule: 'le 1er décembre de l’année N-1',
      sourceRef: 'Annexe 1',
      beyondPrintedValidity: false,
      status: 'remis',
    },
    {
      ruleCode: 'comite-suivi',
      kind: 'monitoring_committee',
      label: 'Comité de suivi',
      agreementCode: 'convention-cadre-sdat-2022',
      programmeCode: null,
      periodYear: 2025,
      dueDate: null,
      windowStart: '2025-01-01',
      windowEnd: '2025-12-31',
      dueDateRule: 'une fois par an',
      sourceRef: 'Article 4',
      beyondPrintedValidity: false,
      status: 'sans_date',
    },
  ],
};

/** A budget flagged as demonstration data (to test the banner). */
export const demoBudget2022: BudgetView = {
  ...acorCentreVilleBudget2022,
  programmeCode: 'acor-dijon-metropole',
  source: 'demo',
  demo: true,
  totals: {
    expenses: { printedCents: null, computedCents: 10000000, differenceCents: null },
    income: { printedCents: null, computedCents: 10000000, differenceCents: null },
  },
};
