import type { ProgrammeTarget } from './inputs';
import type {
  IndicatorCode,
  IndicatorDefinition,
  ProgrammeCode,
  SourceRef,
} from './types';

const CONVENTION = 'Convention cadre 2022 SDAT – Métropole de Dijon';
const PACTE = 'Pacte de solidarité Dijon Métropole 2020';

const BOTH = ['forecast', 'actual'] as const;
const ACTUAL = ['actual'] as const;

const MEANS_ALL = 'Annexes 1, 2 et 3 – Indicateurs de moyens';

function ref(location: string, quote: string, document = CONVENTION): SourceRef {
  return { document, location, quote };
}

/**
 * The indicator catalogue. A change of definition (formula, perimeter, accounts) must
 * create a new `version`; values of different versions are flagged `definition_changed`
 * when compared across years.
 */
export const CATALOGUE: readonly IndicatorDefinition[] = [
  // ------------------------------------------------------------------ means
  {
    code: 'fte_total',
    version: 1,
    label: 'ETP mobilisés',
    category: 'means',
    unit: 'fte',
    definition:
      "Nombre total d'équivalents temps plein affectés au dispositif, toutes qualifications confondues. Les postes comptés en nombre de postes (sans ETP) ou non chiffrés sont signalés et exclus du total.",
    formula: 'Σ ETP par qualification',
    aggregation: 'stock',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(MEANS_ALL, "Nombre d'ETP mobilisés et qualifications"),
  },
  {
    code: 'fte_by_job',
    version: 1,
    label: 'ETP par qualification',
    category: 'means',
    unit: 'fte',
    definition:
      "Répartition des équivalents temps plein par qualification (directeur adjoint, chef de service, travailleur social, infirmière…).",
    formula: 'ETP de chaque qualification ; total = Σ ETP',
    aggregation: 'distribution',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(MEANS_ALL, "Nombre d'ETP mobilisés et qualifications"),
  },
  {
    code: 'payroll',
    version: 1,
    label: 'Masse salariale',
    category: 'means',
    unit: 'eur',
    definition:
      "Charges de personnel : comptes 631 et 633 (impôts et taxes sur rémunérations) et 64 (rémunérations et charges sociales), nets des remboursements (comptes 64x9 : 6419, 6459, 6489…). Lorsque le budget n'imprime que le total du groupe 63/64, ce total est retenu tel quel et signalé. Le personnel extérieur (621) n'en fait pas partie.",
    formula: 'Σ comptes 631 + 633 + 64 − remboursements 64x9 (ou total du groupe 63/64)',
    aggregation: 'flow',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(MEANS_ALL, 'Ratio masse salariale/budget global et évolution'),
  },
  {
    code: 'payroll_growth',
    version: 1,
    label: "Taux d'évolution de la masse salariale",
    category: 'means',
    unit: 'rate',
    definition:
      "Évolution de la masse salariale d'une année sur l'autre sur N-2, N-1 et N, et taux annuel moyen sur la période (taux composé : (MS N / MS N-2)^(1/2) − 1). La valeur principale est l'évolution N / N-1.",
    formula: '(MS N − MS N-1) / MS N-1 ; taux annuel moyen = (MS N / MS N-2)^(1/2) − 1',
    aggregation: 'ratio_of_sums',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(MEANS_ALL, "Taux d'évolution de la masse salariale (2 années plus l'année en cours)"),
  },
  {
    code: 'payroll_ratio',
    version: 1,
    label: 'Ratio masse salariale / budget global',
    category: 'means',
    unit: 'ratio',
    definition:
      "Part de la masse salariale dans le total des charges du dispositif, et son évolution en points par rapport à l'année précédente.",
    formula: 'Masse salariale / total des charges',
    aggregation: 'ratio_of_sums',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(MEANS_ALL, 'Ratio masse salariale/budget global et évolution'),
  },
  {
    code: 'staff_cost_ratio',
    version: 1,
    label: 'Ratio coût total du personnel / budget global',
    category: 'means',
    unit: 'ratio',
    definition:
      "Part du coût total du personnel (masse salariale + personnel extérieur, comptes 621) dans le total des charges. Complète le ratio de masse salariale lorsque le personnel est mis à disposition (EMAS : compte 621800).",
    formula: '(Masse salariale + personnel extérieur 621) / total des charges',
    aggregation: 'ratio_of_sums',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(
      'Annexe 3 – Budget EMAS 2022 (indicateur complémentaire)',
      '621800 - Autres personnels extérieurs (dt 5 272 € Primes médico-social au 1/4/22) 74 327',
    ),
  },
  {
    code: 'social_fund_growth',
    version: 1,
    label: "Taux d'évolution de l'enveloppe Fonds de Vie Sociale",
    category: 'means',
    unit: 'rate',
    definition:
      "Évolution d'une année sur l'autre de l'enveloppe du Fonds de Vie Sociale (compte 658600 – fonds de solidarité).",
    formula: '(FVS N − FVS N-1) / FVS N-1',
    aggregation: 'ratio_of_sums',
    bases: BOTH,
    programmes: ['acor-centre-ville', 'acor-dijon-metropole'],
    scope: 'programme',
    sourceRef: ref(
      'Annexes 1 et 2 – Indicateurs de moyens',
      "Taux d'évolution de l'enveloppe Fonds de Vie Sociale",
    ),
  },
  {
    code: 'cumulative_surplus',
    version: 1,
    label: "Excédents d'exploitation cumulés",
    category: 'means',
    unit: 'eur',
    definition:
      "Somme des résultats d'exploitation (total des produits − total des charges) de chaque exercice disponible pour l'opération. Calculé sur les réalisés ; un budget prévisionnel est équilibré par construction et est signalé.",
    formula: 'Σ années (produits − charges)',
    aggregation: 'flow',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(MEANS_ALL, "Excédents d'exploitation cumulés pour l'opération"),
  },
  {
    code: 'head_office_ratio',
    version: 1,
    label: 'Taux de frais de siège',
    category: 'means',
    unit: 'ratio',
    definition:
      "Frais de siège (compte 655700) rapportés aux charges, calculés sur deux assiettes : charges totales (frais de siège inclus) et charges hors frais de siège. La convention ne précisant pas l'assiette, le statut est établi sur l'assiette la plus stricte, hors frais de siège (les frais de siège s'ajoutent aux charges propres du dispositif) ; les deux taux sont toujours affichés.",
    formula: 'Frais de siège / (total des charges − frais de siège)',
    aggregation: 'ratio_of_sums',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    target: {
      value: 0.05,
      of: 'charges hors frais de siège',
      comparator: 'lte',
      thresholds: { ok: 0.045, warning: 0.05 },
      label: 'Plafond de 5 % (vigilance au-delà de 4,5 %)',
    },
    sourceRef: ref(
      'Article 3',
      "Des frais de siège sont inclus dans le financement des actions en application de l'arrêté de tarification de ceux-ci et dans la limite de 5%.",
    ),
  },
  {
    code: 'funding_by_funder',
    version: 1,
    label: 'Financement par financeur',
    category: 'means',
    unit: 'eur',
    definition:
      "Montant et part de chaque financeur dans les subventions du dispositif, parts fléchées (primes Ségur, renfort maraudes…) détaillées, signataires de la convention distingués des autres financeurs. Lorsque le budget est fourni, la part non détaillée des subventions (groupe 74) est attribuée aux « autres financeurs ».",
    formula: 'Part = montant du financeur / total des subventions',
    aggregation: 'distribution',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(
      'Article 3 et annexes – Financement pour 2022',
      'Elles définissent également les contributions financières apportées par les financeurs signataires de la présente convention.',
    ),
  },
  {
    code: 'cost_per_participant',
    version: 1,
    label: 'Coût par personne accompagnée',
    category: 'means',
    unit: 'eur_per_person',
    definition:
      "Total des charges rapporté au nombre de personnes distinctes accompagnées sur la période (à défaut : parcours présents en début de période + entrées).",
    formula: 'Total des charges / personnes accompagnées',
    aggregation: 'ratio_of_sums',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(
      'Article 4 (indicateur complémentaire)',
      "un comité de suivi permettant la restitution par la SDAT et chaque service pilote de l'évaluation des actions",
    ),
  },
  // ---------------------------------------------------------------- results
  {
    code: 'entries',
    version: 1,
    label: 'Entrées',
    category: 'results',
    unit: 'count',
    definition: "Nombre de parcours ayant débuté pendant la période (date d'entrée dans la période).",
    formula: "Nombre d'entrées de la période",
    aggregation: 'flow',
    bases: ACTUAL,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref('Annexe 2 – Indicateurs de résultats', "Nombre d'entrées/sorties du dispositif"),
  },
  {
    code: 'exits',
    version: 1,
    label: 'Sorties',
    category: 'results',
    unit: 'count',
    definition: 'Nombre de parcours terminés pendant la période (date de sortie dans la période).',
    formula: 'Nombre de sorties de la période',
    aggregation: 'flow',
    bases: ACTUAL,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref('Annexe 3 – Indicateurs de résultats', 'Nombre de sorties et durée des prises en charge'),
  },
  {
    code: 'active_caseload',
    version: 1,
    label: 'File active',
    category: 'results',
    unit: 'count',
    definition:
      "Parcours suivis sur la période : présents au début de la période + entrées. Le détail donne la file active à une date (début et fin de période) ; présents en fin = présents en début + entrées − sorties.",
    formula: 'Présents au début + entrées',
    aggregation: 'stock',
    bases: ACTUAL,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(
      'Annexe 3 – Indicateurs de résultats',
      "Nombre de personnes suivies et accompagnées – taux d'occupation",
    ),
  },
  {
    code: 'occupancy_rate',
    version: 1,
    label: "Taux d'occupation",
    category: 'results',
    unit: 'ratio',
    definition:
      "Journées de présence des personnes accompagnées rapportées aux journées théoriques (capacité × jours d'ouverture de la période).",
    formula: "Journées de présence / (capacité × jours d'ouverture)",
    aggregation: 'ratio_of_sums',
    bases: ACTUAL,
    programmes: ['emas'],
    scope: 'programme',
    sourceRef: ref(
      'Annexe 3 – Indicateurs de résultats',
      "Nombre de personnes suivies et accompagnées – taux d'occupation",
    ),
  },
  {
    code: 'avg_duration_days',
    version: 1,
    label: 'Durée moyenne des parcours',
    category: 'results',
    unit: 'days',
    definition:
      "Durée moyenne (date de sortie − date d'entrée, en jours) des parcours terminés pendant la période. Moins de 5 parcours terminés : résultat peu fiable, signalé.",
    formula: 'Σ durées des parcours clos / nombre de parcours clos',
    aggregation: 'ratio_of_sums',
    bases: ACTUAL,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref('Annexes 1, 2 et 3 – Indicateurs de résultats', 'Durée moyenne des parcours'),
  },
  {
    code: 'median_duration_days',
    version: 1,
    label: 'Durée médiane des parcours (parcours en cours inclus)',
    category: 'results',
    unit: 'days',
    definition:
      "Durée médiane estimée par la méthode de Kaplan–Meier (estimateur produit-limite) : les parcours encore ouverts en fin de période sont comptés comme censurés à leur ancienneté. Médiane = plus petite durée à laquelle la survie estimée est ≤ 50 %. Moins de 5 parcours clos : résultat peu fiable.",
    formula: 'min { t : Π (1 − sorties(t) / à risque(t)) ≤ 0,5 }',
    aggregation: 'distribution',
    bases: ACTUAL,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(
      'Annexes 1, 2 et 3 – Indicateurs de résultats (complément)',
      'Durée moyenne des parcours',
    ),
  },
  {
    code: 'seniority_of_present_days',
    version: 1,
    label: 'Ancienneté des personnes présentes',
    category: 'results',
    unit: 'days',
    definition:
      "Ancienneté moyenne (fin de période − date d'entrée, en jours) des parcours encore ouverts en fin de période, avec répartition par tranche.",
    formula: 'Σ anciennetés des parcours ouverts / nombre de parcours ouverts',
    aggregation: 'stock',
    bases: ACTUAL,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref('Annexe 3 – Indicateurs de résultats', 'Nombre de sorties et durée des prises en charge'),
  },
  {
    code: 'waiting_list',
    version: 1,
    label: "Personnes en liste d'attente",
    category: 'results',
    unit: 'count',
    definition:
      "Nombre de personnes en liste d'attente (ou en attente d'orientation) à la fin de la période.",
    formula: "Stock de la liste d'attente en fin de période",
    aggregation: 'stock',
    bases: ACTUAL,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(
      'Annexes 1, 2 et 3 – Indicateurs de résultats',
      "Nombre de personnes sur liste d'attente et refusées ; nombre et qualité des situations en attente d'orientation",
    ),
  },
  {
    code: 'refusals',
    version: 1,
    label: 'Personnes refusées',
    category: 'results',
    unit: 'count',
    definition: 'Nombre de demandes refusées pendant la période, par motif.',
    formula: 'Σ refus par motif',
    aggregation: 'distribution',
    bases: ACTUAL,
    programmes: ['emas'],
    scope: 'programme',
    sourceRef: ref('Annexe 3 – Indicateurs de résultats', "Nombre de personnes sur liste d'attente et refusées"),
  },
  {
    code: 'referral_decisions',
    version: 1,
    label: 'Décisions de la commission de coordination des accompagnements',
    category: 'results',
    unit: 'count',
    definition:
      "Décisions de la CCA concernant le dispositif pendant la période : accord, accord avec liste d'attente, ajournement, rejet.",
    formula: 'Σ décisions par type',
    aggregation: 'distribution',
    bases: ACTUAL,
    programmes: ['acor-dijon-metropole', 'emas'],
    scope: 'programme',
    sourceRef: ref(
      'Annexe 4 – Règlement intérieur de la CCA, article 4-5',
      "la liste des décisions (accord, accord avec liste d'attente, ajournement pour complément d'information ou absence du pilote, rejet)",
    ),
  },
  {
    code: 'siao_referral_share',
    version: 1,
    label: 'Part des orientations vers le SIAO',
    category: 'results',
    unit: 'ratio',
    definition: 'Part des orientations proposées par le dispositif qui sont adressées au SIAO.',
    formula: 'Orientations vers le SIAO / orientations proposées',
    aggregation: 'ratio_of_sums',
    bases: ACTUAL,
    programmes: ['acor-centre-ville', 'acor-dijon-metropole'],
    scope: 'programme',
    sourceRef: ref(
      'Annexes 1 et 2 – Indicateurs de résultats',
      'Qualification des orientations proposées (dont SIAO)',
    ),
  },
  {
    code: 'referrers',
    version: 1,
    label: 'Personnes orientées par prescripteur',
    category: 'results',
    unit: 'count',
    definition: 'Nombre de personnes orientées vers le dispositif pendant la période, par origine du prescripteur.',
    formula: 'Σ orientations par prescripteur',
    aggregation: 'distribution',
    bases: ACTUAL,
    programmes: ['emas'],
    scope: 'programme',
    sourceRef: ref(
      'Annexe 3 – Indicateurs de résultats',
      'Nombre de personnes orientées et origine des prescripteurs',
    ),
  },
  {
    code: 'profile_age',
    version: 1,
    label: 'Profil des personnes : âge',
    category: 'results',
    unit: 'count',
    definition: "Répartition des personnes accompagnées pendant la période par tranche d'âge.",
    formula: "Σ personnes par tranche d'âge",
    aggregation: 'distribution',
    bases: ACTUAL,
    programmes: ['acor-centre-ville', 'emas'],
    scope: 'programme',
    sourceRef: ref('Annexes 1 et 3 – Indicateurs de résultats', 'Profil des personnes (âge, situation...)'),
  },
  {
    code: 'profile_situation',
    version: 1,
    label: 'Profil des personnes : situation',
    category: 'results',
    unit: 'count',
    definition: 'Répartition des personnes accompagnées pendant la période par situation (logement, famille, ressources…).',
    formula: 'Σ personnes par situation',
    aggregation: 'distribution',
    bases: ACTUAL,
    programmes: ['acor-centre-ville', 'emas'],
    scope: 'programme',
    sourceRef: ref('Annexes 1 et 3 – Indicateurs de résultats', 'Profil des personnes (âge, situation...)'),
  },
  {
    code: 'handover_at_exit',
    version: 1,
    label: 'Relais à la sortie',
    category: 'results',
    unit: 'ratio',
    definition:
      "Part des sorties avec un relais (service prenant la suite de l'accompagnement), et répartition des sorties par nature du relais.",
    formula: 'Sorties avec relais / sorties',
    aggregation: 'distribution',
    bases: ACTUAL,
    programmes: ['acor-dijon-metropole', 'emas'],
    scope: 'programme',
    sourceRef: ref('Annexe 3 – Indicateurs de résultats', 'Nature et qualification des relais lors les sorties'),
  },
  {
    code: 'lease_transfers',
    version: 1,
    label: 'Glissements de bail',
    category: 'results',
    unit: 'count',
    definition: "Nombre de baux glissés de l'association vers la personne accompagnée pendant la période.",
    formula: 'Nombre de glissements de bail',
    aggregation: 'flow',
    bases: ACTUAL,
    programmes: ['acor-dijon-metropole'],
    scope: 'programme',
    sourceRef: ref('Annexe 2 – Indicateurs de résultats', 'Nombre de glissements de bail'),
  },
  {
    code: 'attendance',
    version: 1,
    label: "Fréquentation de l'accueil de jour",
    category: 'results',
    unit: 'count',
    definition:
      "Nombre de passages à l'accueil de jour pendant la période, avec le nombre de personnes distinctes et le nombre moyen de passages par jour d'ouverture.",
    formula: "Passages ; passages / jours d'ouverture",
    aggregation: 'flow',
    bases: ACTUAL,
    programmes: ['acor-centre-ville'],
    scope: 'programme',
    sourceRef: ref('Annexe 1 – Indicateurs de résultats', "fréquentation du lieu d'accueil"),
  },
  {
    code: 'outreach_contacts',
    version: 1,
    label: 'Personnes rencontrées en maraude',
    category: 'results',
    unit: 'count',
    definition: 'Nombre de personnes distinctes rencontrées en maraude pendant la période, avec le nombre de contacts.',
    formula: 'Personnes distinctes rencontrées ; contacts',
    aggregation: 'flow',
    bases: ACTUAL,
    programmes: ['acor-centre-ville'],
    scope: 'programme',
    sourceRef: ref('Annexe 1 – Indicateurs de résultats', 'nombre de personnes rencontrées en maraude'),
  },
  {
    code: 'target_completion',
    version: 1,
    label: 'Atteinte des objectifs de la convention',
    category: 'results',
    unit: 'ratio',
    definition:
      "Réalisé rapporté à l'objectif fixé par la convention : suivis annuels (ACOR Dijon Métropole : 220, dont 60 sur Chenôve ; suivis = présents au début + entrées) ; file active en fin de période (EMAS : 40). Valeur principale = premier objectif ; statut = le plus défavorable.",
    formula: 'Réalisé / objectif',
    aggregation: 'ratio_of_sums',
    bases: ACTUAL,
    programmes: ['acor-dijon-metropole', 'emas'],
    scope: 'programme',
    target: {
      value: 1,
      of: "objectif de la convention",
      comparator: 'gte',
      thresholds: { ok: 1, warning: 0.9 },
      label: 'Objectif atteint à 100 % (vigilance entre 90 % et 100 %)',
    },
    sourceRef: ref(
      'Annexe 2 et annexe 3 – Modalités de fonctionnement',
      "Nombre de suivis annuels à exercer : 220 dont 60 mesures sur le territoire de Chenôve ; File active de 40 personnes",
    ),
  },
  // ------------------------------------------------------------- compliance
  {
    code: 'head_office_cap',
    version: 1,
    label: 'Plafond des frais de siège (5 %)',
    category: 'compliance',
    unit: 'pass_fail',
    definition:
      "Conforme si les frais de siège (655700) n'excèdent pas 5 % des charges hors frais de siège (assiette la plus stricte, la convention ne la précisant pas). Le taux sur charges totales est donné à titre de comparaison.",
    formula: 'Frais de siège / (charges − frais de siège) ≤ 5 %',
    aggregation: 'ratio_of_sums',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    target: {
      value: 0.05,
      of: 'charges hors frais de siège',
      comparator: 'lte',
      thresholds: { ok: 0.05, warning: 0.05 },
      label: 'Plafond de 5 %',
    },
    sourceRef: ref(
      'Article 3',
      "Des frais de siège sont inclus dans le financement des actions en application de l'arrêté de tarification de ceux-ci et dans la limite de 5%.",
    ),
  },
  {
    code: 'no_deficit_carried_over',
    version: 1,
    label: 'Absence de reprise de déficit',
    category: 'compliance',
    unit: 'pass_fail',
    definition:
      "Conforme si le budget de l'année ne comporte aucune reprise de déficit antérieur (ligne de charges en compte 002 ou 119, ou libellé « reprise / report de déficit »). Le résultat de l'année précédente est rappelé.",
    formula: 'Reprise de déficit dans le budget N = 0 €',
    aggregation: 'flow',
    bases: BOTH,
    programmes: 'all',
    scope: 'programme',
    sourceRef: ref(
      'Article 3',
      "Les actions ne peuvent pas faire l'objet de reprise de déficits dans le budget de l'année N+1.",
    ),
  },
  {
    code: 'pacte_parity',
    version: 1,
    label: 'Parité des financements du Pacte (Métropole ≥ État)',
    category: 'compliance',
    unit: 'pass_fail',
    definition:
      "Conforme si les financements de Dijon Métropole consacrés aux actions du Pacte sont au moins égaux à ceux de l'État, sur le total des actions ; le détail par action est fourni.",
    formula: 'Σ Métropole ≥ Σ État',
    aggregation: 'flow',
    bases: BOTH,
    programmes: 'all',
    scope: 'agreement',
    sourceRef: ref(
      'Article 2.3.2 – Maintien des dépenses de Dijon Métropole et parité des financements',
      "Dijon Métropole s'engage à consacrer aux actions décrites à l'article 2.2 des financements au moins équivalents dans leur montant à ceux qui lui sont accordés pour ces actions par l'État",
      PACTE,
    ),
  },
];

const BY_CODE = new Map<IndicatorCode, IndicatorDefinition>(
  CATALOGUE.map((definition) => [definition.code, definition]),
);

/** The definition of `code` (throws if unknown). */
export function getDefinition(code: IndicatorCode): IndicatorDefinition {
  const definition = BY_CODE.get(code);
  if (definition === undefined) {
    throw new Error(`Indicateur inconnu : ${String(code)}.`);
  }
  return definition;
}

export function isApplicable(definition: IndicatorDefinition, programmeCode: ProgrammeCode): boolean {
  return definition.programmes === 'all' || definition.programmes.includes(programmeCode);
}

/** Definitions applicable to a programme, in catalogue order. */
export function definitionsForProgramme(programmeCode: ProgrammeCode): IndicatorDefinition[] {
  return CATALOGUE.filter((definition) => isApplicable(definition, programmeCode));
}
