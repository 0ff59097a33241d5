import type { ObligationRule, ProgrammeCode } from '../types';

const CADRE = 'convention-cadre-sdat-2022' as const;
const CADRE_SIGNATORIES = ['etat', 'dijon-metropole', 'ville-dijon', 'ccas-chenove', 'ars-bfc', 'sdat'];

interface AnnexInfo {
  programmeCode: ProgrammeCode;
  annex: number;
  name: string;
  pilots: string[];
  /** Heading of the annex paragraph the rules are printed under. */
  pilotHeading: string;
}

const annexes: AnnexInfo[] = [
  { programmeCode: 'acor-centre-ville', annex: 1, name: 'ACOR Centre Ville', pilots: ['ccas-dijon'], pilotHeading: 'Service pilote' },
  {
    programmeCode: 'acor-dijon-metropole',
    annex: 2,
    name: 'ACOR Dijon Métropole',
    pilots: ['dijon-metropole', 'ccas-chenove'],
    pilotHeading: 'Services pilotes',
  },
  { programmeCode: 'emas', annex: 3, name: 'EMAS', pilots: ['dijon-metropole', 'ars-bfc'], pilotHeading: 'Service pilote' },
];

const FORECAST_PRINTED =
  'Un budget prévisionnel pour l\'année « N » sera adressé le 1er décembre de l\'année « N-1 ».';

/** Rules printed in each of the three annexes (same wording, pilots differ). */
function annexRules(a: AnnexInfo): ObligationRule[] {
  const sourceRef = `Annexe ${a.annex} – ${a.pilotHeading}`;
  const reportPrinted =
    a.programmeCode === 'emas'
      ? 'La SDAT transmettra aux pilotes, pour le 15 mars, un bilan qualitatif et financier de l\'opération ainsi que, si nécessaire, le budget prévisionnel actualisé pour l\'année en cours.'
      : 'La SDAT transmettra au pilote, pour le 15 mars, un bilan qualitatif et financier de l\'opération ainsi que, si nécessaire, le budget prévisionnel actualisé pour l\'année en cours.';
  const rules: ObligationRule[] = [
    {
      id: `${a.programmeCode}-forecast-budget`,
      agreementCode: CADRE,
      programmeCode: a.programmeCode,
      kind: 'forecast_budget',
      label: `Budget prévisionnel ${a.name}`,
      rule: { type: 'yearly', month: 12, day: 1, yearOffset: -1 },
      responsibleOrgCodes: ['sdat'],
      recipientOrgCodes: a.pilots,
      sourceRef,
      printed: FORECAST_PRINTED,
      note: "Le destinataire n'est pas précisé par le texte : retenu le(s) pilote(s) du dispositif.",
    },
    {
      id: `${a.programmeCode}-annual-report`,
      agreementCode: CADRE,
      programmeCode: a.programmeCode,
      kind: 'annual_report',
      label: `Bilan qualitatif et financier ${a.name}`,
      rule: { type: 'yearly', month: 3, day: 15, yearOffset: 1 },
      responsibleOrgCodes: ['sdat'],
      recipientOrgCodes: a.pilots,
      sourceRef,
      printed: reportPrinted,
      note: "Accompagné si nécessaire du budget prévisionnel actualisé de l'année en cours.",
    },
  ];
  if (a.programmeCode === 'emas') {
    rules.push({
      id: 'emas-steering-committee',
      agreementCode: CADRE,
      programmeCode: 'emas',
      kind: 'steering_committee',
      label: 'Comité de pilotage EMAS',
      rule: { type: 'yearly', month: 3, day: 31, yearOffset: 1 },
      responsibleOrgCodes: a.pilots,
      recipientOrgCodes: CADRE_SIGNATORIES,
      sourceRef: 'Annexe 3 – Service pilote ; Article 4',
      printed:
        "Un comité de pilotage, associant l'ensemble des financeurs, sera organisé à l'initiative des pilotes, chaque année, au plus tard le 31 mars, associant l'ensemble des signataires de la présente convention.",
      note: "Réunit aussi les financeurs non signataires ; tient lieu du comité de pilotage annuel de l'article 4.",
    });
  } else {
    rules.push(
      {
        id: `${a.programmeCode}-technical-committee`,
        agreementCode: CADRE,
        programmeCode: a.programmeCode,
        kind: 'technical_committee',
        label: `Comité technique de suivi ${a.name}`,
        rule: { type: 'yearly', month: 3, day: 31, yearOffset: 1 },
        responsibleOrgCodes: a.pilots,
        recipientOrgCodes: CADRE_SIGNATORIES,
        sourceRef,
        printed:
          a.programmeCode === 'acor-centre-ville'
            ? "Un comité de technique de suivi sera organisé à l'initiative du pilote, chaque année, au plus tard le 31 mars, associant l'ensemble des signataires de la présente convention."
            : "Un comité de technique de suivi sera organisé à l'initiative des co pilotes, chaque année, au plus tard le 31 mars, associant l'ensemble des signataires de la présente convention.",
      },
      {
        id: `${a.programmeCode}-steering-committee`,
        agreementCode: CADRE,
        programmeCode: a.programmeCode,
        kind: 'steering_committee',
        label: `Comité de pilotage ${a.name}`,
        rule: { type: 'per_year', count: 1, atLeast: false },
        responsibleOrgCodes: a.pilots,
        recipientOrgCodes: CADRE_SIGNATORIES,
        sourceRef: 'Article 4',
        printed:
          "Un comité de pilotage se réunit annuellement à l'initiative du service pilote associant les signataires de la convention et les partenaires de l'action, afin de procéder au bilan du dispositif, réviser le cas échéant les modalités de fonctionnement et préparer le budget de l'exercice suivant.",
        note: "Aucune date dans le texte ; peut se confondre en pratique avec le comité technique de suivi de l'annexe.",
      },
      {
        id: `${a.programmeCode}-social-life-fund-review`,
        agreementCode: CADRE,
        programmeCode: a.programmeCode,
        kind: 'social_life_fund_review',
        label: `Présentation semestrielle du Fonds Vie Sociale ${a.name}`,
        rule: { type: 'every_n_months', n: 6 },
        responsibleOrgCodes: ['sdat'],
        recipientOrgCodes: a.pilots,
        sourceRef: 'Article 2 – IV.3',
        printed:
          "La gestion du fonds doit être faite en comptabilité annuelle de charges et de bilan et faire l'objet d'une présentation semestrielle à la commission de suivi.",
        note: 'Présentée à la commission de suivi du dispositif ; aucune date fixée.',
      },
    );
  }
  return rules;
}

/** Obligation rules (not dates) of the five agreements. */
export const obligationRules: ObligationRule[] = [
  // ---------------------------------------------------------------- 001
  ...annexes.flatMap(annexRules),
  {
    id: 'convention-cadre-monitoring-committee',
    agreementCode: CADRE,
    kind: 'monitoring_committee',
    label: 'Comité de suivi de la convention cadre (préfet)',
    rule: { type: 'per_year', count: 1, atLeast: false },
    responsibleOrgCodes: ['etat'],
    recipientOrgCodes: CADRE_SIGNATORIES,
    sourceRef: 'Article 4',
    printed:
      "Chaque année, le préfet réunit l'ensemble des signataires de la convention, lors d'un comité de suivi permettant la restitution par la SDAT et chaque service pilote de l'évaluation des actions, la correction éventuelle de la convention et la validation des apports financiers des signataires.",
    note: 'Le texte ne donne aucune date ni aucun délai : réunion annuelle, date à fixer par le préfet.',
  },
  {
    id: 'cca-monthly-meeting',
    agreementCode: CADRE,
    kind: 'coordination_commission',
    label: 'Commission de coordination des accompagnements (CCA)',
    rule: { type: 'monthly_weekday', weekday: 2, position: 'last', usually: true },
    responsibleOrgCodes: ['siao-21', 'dijon-metropole'],
    recipientOrgCodes: ['dijon-metropole', 'siao-21', 'ddets-21', 'sdat'],
    sourceRef: 'Annexe 4 – Article 4-2',
    printed:
      'La commission se réunit une fois par mois, majoritairement chaque dernier mardi du mois. Le secrétariat établit un calendrier annuel des séances de la commission.',
    validFrom: '2022-07-01',
    note:
      'Dates indicatives (« majoritairement ») : le calendrier annuel du secrétariat fait foi. Convocation au moins 10 jours avant ; fiche de saisine reçue au moins 15 jours avant.',
  },
  {
    id: 'cca-first-review',
    agreementCode: CADRE,
    kind: 'evaluation',
    label: 'Premier bilan de fonctionnement de la CCA (comité de suivi)',
    rule: { type: 'months_after', months: 4, baseDate: '2022-06-28' },
    responsibleOrgCodes: ['dijon-metropole'],
    recipientOrgCodes: ['dijon-metropole', 'siao-21'],
    sourceRef: 'Annexe 4 – Article 5',
    printed:
      'Un comité de suivi sera constitué des personnes ayant participé au groupe de travail sur la mise en place de cette commission. Il sera chargé de faire un premier bilan à 4 mois de son fonctionnement et de proposer des ajustements permettant de la rendre davantage efficiente.',
    note: "Point de départ retenu : la réunion de mise en place du 28/06/2022 qui a approuvé le règlement intérieur.",
  },

  // ---------------------------------------------------------------- 003
  {
    id: 'pacte-execution-report',
    agreementCode: 'pacte-solidarite-dijon-metropole-2020',
    kind: 'execution_report',
    label: "Rapport d'exécution du pacte de solidarité",
    rule: { type: 'yearly', month: 3, day: 31, yearOffset: 1 },
    responsibleOrgCodes: ['dijon-metropole'],
    recipientOrgCodes: ['etat'],
    sourceRef: 'Article 2.4',
    printed:
      "Ce rapport fait l'objet d'une délibération du conseil métropolitain en vue d'une transmission au Préfet de Région, Préfet du Département de la Côte-d'Or au plus tard le 31 mars de l'exercice suivant la réalisation des actions.",
    note: 'Délibération du conseil métropolitain préalable ; bilan financier, résultats et bilan global des actions.',
  },
  {
    id: 'pacte-joint-evaluation',
    agreementCode: 'pacte-solidarite-dijon-metropole-2020',
    kind: 'evaluation',
    label: 'Suivi et évaluation conjoints du pacte de solidarité',
    rule: { type: 'yearly', month: 3, day: 31, yearOffset: 1 },
    responsibleOrgCodes: ['dijon-metropole', 'etat'],
    recipientOrgCodes: ['dijon-metropole', 'etat'],
    sourceRef: 'Article 2.4',
    printed:
      "Le suivi et l'évaluation de l'exécution de la présente convention sont effectués de façon conjointe par Dijon Métropole et l'État, pendant et au plus tard trois mois après le terme de l'année considérée.",
  },
  {
    id: 'pacte-action-2-1-progress-review',
    agreementCode: 'pacte-solidarite-dijon-metropole-2020',
    pacteActionNumber: '2.1',
    kind: 'progress_review',
    label: "Point d'étape de l'action 2.1 (ASLL)",
    rule: { type: 'every_n_months', n: 2 },
    responsibleOrgCodes: ['dijon-metropole'],
    recipientOrgCodes: ['dijon-metropole'],
    sourceRef: 'Annexe 2 – Fiche action 2.1',
    printed: "Appel à projet. Opérateur retenu Démarrage de l'action au 1 ^{er} juin 2020 Points d'étape tous les deux mois",
    validFrom: '2020-06-01',
  },

  // ---------------------------------------------------------------- 002
  {
    id: 'caf-technical-committee',
    agreementCode: 'caf-grand-dijon-2016-2017',
    kind: 'technical_committee',
    label: 'Comité technique CAF – Grand Dijon',
    rule: { type: 'per_period', count: 1, atLeast: true },
    responsibleOrgCodes: ['caf-21', 'cu-grand-dijon'],
    recipientOrgCodes: ['caf-21', 'cu-grand-dijon'],
    sourceRef: 'Article 5',
    printed:
      'Un Comité technique est chargé d\'en suivre la mise en œuvre et de l\'évaluer. Les signataires organiseront sur la période de la convention une à plusieurs réunions de travail.',
    note: 'Au moins une réunion sur la période 2016-2017 ; aucune date fixée.',
  },

  // ---------------------------------------------------------------- 000
  {
    id: 'adoma-bimonthly-coordination',
    agreementCode: 'ccas-dijon-adoma-2023',
    kind: 'coordination_meeting',
    label: 'Point bimestriel CCAS – Adoma',
    rule: { type: 'every_n_months', n: 2 },
    responsibleOrgCodes: ['ccas-dijon', 'adoma'],
    recipientOrgCodes: ['ccas-dijon', 'adoma', 'dijon-metropole'],
    sourceRef: 'ARTICLE 5',
    printed:
      'Points bimestriels entre les Responsables de Résidence ADOMA, les Responsables Insertion Sociale, la coordinatrice Parcours Logement Dijon Métropole, les travailleurs sociaux/ Responsables des PAD ;',
  },
  {
    id: 'adoma-half-yearly-coordination',
    agreementCode: 'ccas-dijon-adoma-2023',
    kind: 'coordination_meeting',
    label: 'Temps de coordination semestriel CCAS – Adoma – DAC 21',
    rule: { type: 'per_year', count: 2, atLeast: false },
    responsibleOrgCodes: ['ccas-dijon', 'adoma'],
    recipientOrgCodes: ['ccas-dijon', 'adoma'],
    sourceRef: 'ARTICLE 5',
    printed:
      "Deux fois par an un temps de coordination entre la Responsable Développement Social, la Responsable Insertion Sociale ADOMA, la Directrice Hébergement ADOMA, le Dispositif d'Appui à la Coordination 21 (DAC 21) et les Responsables des 4 PAD ;",
  },
  {
    id: 'adoma-steering-committee',
    agreementCode: 'ccas-dijon-adoma-2023',
    kind: 'steering_committee',
    label: 'Comité de pilotage CCAS – Adoma',
    rule: { type: 'per_year', count: 1, atLeast: false },
    responsibleOrgCodes: ['ccas-dijon', 'adoma'],
    recipientOrgCodes: ['ccas-dijon', 'adoma'],
    sourceRef: 'ARTICLE 5',
    printed: 'Un comité de pilotage annuel entre équipe encadrement CCAS, Direction Logement et équipe encadrement ADOMA.',
  },
  {
    id: 'adoma-annual-calendar',
    agreementCode: 'ccas-dijon-adoma-2023',
    kind: 'annual_calendar',
    label: 'Calendrier annuel des temps de coordination CCAS – Adoma',
    rule: { type: 'per_year', count: 1, atLeast: false },
    responsibleOrgCodes: ['ccas-dijon', 'adoma'],
    recipientOrgCodes: ['ccas-dijon', 'adoma'],
    sourceRef: 'ARTICLE 5',
    printed: 'Un calendrier annuel de ces temps sera conjointement établi et transmis à chaque collaborateur.',
  },
  {
    id: 'adoma-property-presentation',
    agreementCode: 'ccas-dijon-adoma-2023',
    kind: 'information_session',
    label: 'Présentation annuelle des patrimoines Adoma aux équipes du CCAS',
    rule: { type: 'per_year', count: 1, atLeast: false },
    responsibleOrgCodes: ['adoma'],
    recipientOrgCodes: ['ccas-dijon'],
    sourceRef: 'ARTICLE 3',
    printed:
      'Apporter un appui technique au CCAS Dijon Métropole (droit des étrangers, etc.) et à présenter annuellement aux équipes les différents patrimoines ;',
  },
  {
    id: 'adoma-first-year-evaluation',
    agreementCode: 'ccas-dijon-adoma-2023',
    kind: 'evaluation',
    label: 'Évaluation partagée de la première année CCAS – Adoma',
    rule: { type: 'months_after', months: 12 },
    responsibleOrgCodes: ['ccas-dijon', 'adoma'],
    recipientOrgCodes: ['ccas-dijon', 'adoma'],
    sourceRef: 'ARTICLE 6.3',
    printed: 'La convention pourra être révisée après évaluation partagée de la première année de fonctionnement.',
    note: 'Faculté (« pourra ») : échéance indicative au terme de la première année.',
  },

  // ---------------------------------------------------------------- 004
  {
    id: 'carsat-steering-committee',
    agreementCode: 'ccas-dijon-carsat-2014',
    kind: 'steering_committee',
    label: 'Comité de pilotage CCAS – Carsat',
    rule: { type: 'per_year', count: 1, atLeast: false },
    responsibleOrgCodes: ['ccas-dijon', 'carsat-bfc'],
    recipientOrgCodes: ['ccas-dijon', 'carsat-bfc'],
    sourceRef: 'Article 6',
    printed:
      "Les parties conviennent de réunir annuellement un comité de pilotage chargé de valider le bilan des coopérations entre le CCAS et la Carsat et de proposer le cas échéant de nouvelles orientations. Son organisation sera assurée alternativement chaque année par l'une ou l'autre des parties.",
    note: 'Organisé alternativement chaque année par le CCAS et par la Carsat.',
  },
  {
    id: 'carsat-technical-committee',
    agreementCode: 'ccas-dijon-carsat-2014',
    kind: 'technical_committee',
    label: 'Comité technique de suivi opérationnel CCAS – Carsat',
    rule: { type: 'per_year', count: 2, atLeast: true },
    responsibleOrgCodes: ['ccas-dijon', 'carsat-bfc'],
    recipientOrgCodes: ['ccas-dijon', 'carsat-bfc'],
    sourceRef: 'Article 7',
    printed:
      'Les parties conviennent de réunir, a minima deux fois par an, un comité technique chargé de veiller au suivi et à la mise en œuvre des coopérations opérationnelles entre le CCAS et la Carsat et des orientations validées lors des comités de pilotage.',
  },
  {
    id: 'carsat-annual-report',
    agreementCode: 'ccas-dijon-carsat-2014',
    kind: 'annual_report',
    label: 'Bilan annuel de mise en œuvre CCAS – Carsat',
    rule: { type: 'per_year', count: 1, atLeast: false },
    responsibleOrgCodes: ['ccas-dijon', 'carsat-bfc'],
    recipientOrgCodes: ['ccas-dijon', 'carsat-bfc'],
    sourceRef: 'Article 9',
    printed:
      'Un bilan annuel de mise en œuvre de cette convention et de ses avenants sera réalisé conjointement par les services des deux contractants.',
    note: 'Validé par le comité de pilotage annuel (article 6).',
  },
];
