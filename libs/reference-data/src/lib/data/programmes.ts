import type { IndicatorKind, Programme, ProgrammeIndicator } from '../types';

function indicators(kind: IndicatorKind, entries: [code: string, label: string][]): ProgrammeIndicator[] {
  return entries.map(([code, label]) => ({ code, kind, label }));
}

/** The three programmes of the convention cadre 2022 (annexes 1 to 3 of document 001). */
export const programmes: Programme[] = [
  // -------------------------------------------------------------------------
  // Annexe 1 – ACOR Centre Ville
  // -------------------------------------------------------------------------
  {
    code: 'acor-centre-ville',
    name: 'ACOR Centre Ville',
    agreementCode: 'convention-cadre-sdat-2022',
    annex: 1,
    operatorCode: 'sdat',
    coOperatorCodes: [],
    pilots: [{ orgCode: 'ccas-dijon', role: 'pilot' }],
    pilotsPrinted:
      "Le pilotage sera assuré par le CCAS de Dijon, conformément aux principes posés dans la convention, qui s'assurera notamment de l'articulation avec le SIAO et du respect des procédures de fonctionnement.",
    formerNames: [],
    targetPublic: [
      'sans domicile fixe (SDF)',
      'désocialisées ou marginalisées qui peuvent néanmoins avoir un domicile ;',
      "déjà engagées dans un parcours d'insertion, mais qui, encore fragiles, conservent un rapport important au mode de vie dans la rue ;",
      'SDF ou marginaux de passage, essentiellement en période estivale.',
    ],
    territory:
      "Centre-ville de Dijon (l'équipe mobile peut se rendre, sur signalement, dans des quartiers ou des lieux plus excentrés) ; accueil au 15bis, rue des Corroyeurs, 21000 Dijon.",
    capacityTargets: [],
    staff: [
      { jobTitle: 'directeur adjoint', jobCode: 'deputy-director', fte: '0,15', fteValue: 0.15, quantity: 0.15, unit: 'fte', printed: '0,15 etp de directeur adjoint,' },
      { jobTitle: 'chef de service', jobCode: 'head-of-service', fte: '1,00', fteValue: 1, quantity: 1, unit: 'fte', printed: '1,00 etp de chef de service,' },
      { jobTitle: 'temps administratif', jobCode: 'administrative', fte: '0,35', fteValue: 0.35, quantity: 0.35, unit: 'fte', printed: '0,35 etp de temps administratif,' },
      { jobTitle: 'personnel éducatif', jobCode: 'educational-staff', fte: '9', fteValue: 9, quantity: 9, unit: 'fte', printed: '9 etp de personnel éducatif' },
      {
        jobTitle: "emploi d'avenir et temps de renfort",
        jobCode: 'future-job-contract-and-reinforcement',
        fte: '1',
        fteValue: null,
        quantity: 1,
        unit: 'posts',
        printed: "1 emploi d'avenir et temps de renfort",
      },
    ],
    indicators: [
      ...indicators('means', [
        ['fte_and_qualifications', "nombre d'ETP mobilisés et qualifications"],
        ['payroll_growth_rate', "taux d'évolution de la masse salariale (2 années plus l'année en cours)"],
        ['payroll_to_budget_ratio', 'ratio masse salariale/budget global et évolution'],
        ['social_life_fund_growth_rate', "taux d'évolution de l'enveloppe Fonds de Vie Sociale"],
        ['cumulative_operating_surplus', "excédents d'exploitation cumulés pour l'opération"],
      ]),
      ...indicators('result', [
        ['day_centre_attendance', "fréquentation du lieu d'accueil"],
        ['outreach_persons_met', 'nombre de personnes rencontrées en maraude'],
        ['entries_exits_supported', "nombre d'entrées/sorties de personnes accompagnées par les travailleurs sociaux"],
        ['participant_profile', 'profil des personnes (âge, situation...)'],
        ['referral_qualification', 'qualification des orientations proposées (dont SIAO)'],
        ['waiting_referrals', "nombre et qualité des situations en attente d'orientation"],
        ['average_episode_duration', 'durée moyenne des parcours'],
      ]),
    ],
    openingNotes: [
      "Mutualise depuis juin 2015 un accueil de jour et une équipe mobile d'intervention sociale.",
      'Ouvert aux personnes majeures sans domicile et/ou sans ressources ; les animaux sont acceptés.',
      "L'orientation vers l'accueil de jour du public isolé logé sur Dijon repose sur une évaluation formelle réalisée par le prescripteur et validée par le CCAS de Dijon.",
    ],
    activityNotes: [
      "Maraudes assurées par l'équipe pluridisciplinaire, avec d'autres partenaires et une fois par mois avec une infirmière des LHSS mobiles de la SDAT ; renforcées en période hivernale et de « grand froid ».",
      'Accueil de jour : mise à l’abri, services (restauration, soins d’hygiène, lessive, bagagerie), activités de socialisation, entretien individuel d’évaluation sociale.',
      'Accompagnements sociaux assurés par les TSE ; le chef de service coordonne les parcours et participe aux commissions (veille sociale, SIAO).',
      "Contribue à l'observatoire de la veille sociale départementale.",
    ],
  },

  // -------------------------------------------------------------------------
  // Annexe 2 – ACOR Dijon Métropole
  // -------------------------------------------------------------------------
  {
    code: 'acor-dijon-metropole',
    name: 'ACOR Dijon Métropole',
    agreementCode: 'convention-cadre-sdat-2022',
    annex: 2,
    operatorCode: 'sdat',
    coOperatorCodes: [],
    pilots: [
      { orgCode: 'dijon-metropole', role: 'co_pilot' },
      { orgCode: 'ccas-chenove', role: 'co_pilot' },
    ],
    pilotsPrinted:
      "Dijon Métropole et le CCAS de Chenôve sont désignés co pilotes pour le suivi du dispositif et s'assurera, conformément aux principes énoncés dans la convention, de la réalisation de la mission et du respect des procédures de fonctionnement.",
    formerNames: ['Acor Grand Dijon', 'Inser Social Chenôve'],
    targetPublic: [
      "Personnes majeures, entraînées dans un processus d'exclusion sociale généré par de multiples difficultés sociales et médico-sociales, pour lesquelles les interventions sociales de droit commun ont atteint leurs limites.",
    ],
    territory:
      "Ensemble du territoire de Dijon Métropole, à titre expérimental depuis le 1er janvier 2022 (auparavant le territoire dijonnais) ; 60 mesures sur le territoire de Chenôve.",
    capacityTargets: [
      {
        code: 'follow_ups_per_year',
        label: 'Nombre de suivis annuels à exercer',
        value: 220,
        unit: 'follow_ups',
        period: 'year',
        breakdown: 'partial',
        of: [
          {
            code: 'follow_ups_chenove',
            label: 'mesures sur le territoire de Chenôve',
            value: 60,
            unit: 'measures',
            period: 'year',
            printed: '60 mesures sur le territoire de Chenôve',
          },
        ],
        printed: 'Nombre de suivis annuels à exercer : 220 dont 60 mesures sur le territoire de Chenôve.',
      },
    ],
    staff: [
      { jobTitle: 'Responsable de pôle', jobCode: 'head-of-unit', fte: '0.20', fteValue: 0.2, quantity: 0.2, unit: 'fte', printed: '0.20 ETP Responsable de pôle ;' },
      {
        jobTitle: 'Cadres intermédiaires : adjoint de direction/chef de service',
        jobCode: 'middle-manager',
        fte: '2',
        fteValue: 2,
        quantity: 2,
        unit: 'fte',
        printed: '2 ETP Cadres intermédiaires : adjoint de direction/chef de service ;',
      },
      { jobTitle: "intervenants sociaux", jobCode: 'social-worker', fte: '8', fteValue: null, quantity: 8, unit: 'posts', printed: "8 postes d'intervenants sociaux ;" },
      { jobTitle: 'administratif', jobCode: 'administrative', fte: '1', fteValue: 1, quantity: 1, unit: 'fte', printed: '1 ETP administratif' },
    ],
    indicators: [
      ...indicators('means', [
        ['fte_and_qualifications', "Nombre d'ETP mobilisés et qualifications"],
        ['payroll_growth_rate', "Taux d'évolution de la masse salariale (2 années plus l'année en cours)"],
        ['payroll_to_budget_ratio', 'Ratio masse salariale/budget global et évolution'],
        ['social_life_fund_growth_rate', "Taux d'évolution de l'enveloppe Fonds de Vie Sociale"],
        ['cumulative_operating_surplus', "Excédents d'exploitation cumulés pour l'opération"],
      ]),
      ...indicators('result', [
        ['entries_exits', "Nombre d'entrées/sorties du dispositif"],
        ['referral_qualification', 'Qualification des orientations (dont SIAO)'],
        ['non_housing_steps', 'Démarches effectuées hors logement'],
        ['social_life_fund_allocations', "Affectations de l'enveloppe Fonds de Vie Sociale"],
        ['waiting_referrals', "Nombre et qualité des situations en attente d'orientation"],
        ['lease_transfers', 'Nombre de glissements de bail'],
        ['average_episode_duration', "Durée moyenne d'accompagnement"],
        ['anonymised_case_reviews', 'État de situations individuelles anonymisées'],
      ]),
    ],
    openingNotes: [
      "Depuis le 1er janvier 2022, à titre expérimental, étendu à l'ensemble du territoire de Dijon Métropole ; regroupe les dispositifs Acor Grand Dijon et Inser Social Chenôve.",
      "Un bilan de l'expérimentation aura lieu en vue de sa pérennisation lors des négociations de la prochaine convention.",
      'Public logé en milieu ordinaire ; objectif : maintien ou retour dans le logement autonome, retour vers le droit commun ou orientation spécialisée (SAMSAH, MAS…).',
    ],
    activityNotes: [
      "Les situations validées en CCA sont prises en charge par les commissions techniques de Dijon Métropole et du CCAS de Chenôve ; les situations de Chenôve sont activées en priorité.",
      "Pas de répartition des places au prorata de la contribution de chaque financeur.",
      'Évaluation par les commissions techniques territorialisées après 6 mois d’accompagnement, puis au moins une fois par an ; sortie validée par les commissions techniques.',
      "Fonds Vie Sociale pour des aides exceptionnelles et de première urgence (secours, avance ou prêt).",
    ],
  },

  // -------------------------------------------------------------------------
  // Annexe 3 – EMAS
  // -------------------------------------------------------------------------
  {
    code: 'emas',
    name: 'EMAS',
    agreementCode: 'convention-cadre-sdat-2022',
    annex: 3,
    operatorCode: 'sdat',
    coOperatorCodes: ['acodege'],
    pilots: [
      { orgCode: 'dijon-metropole', role: 'co_pilot' },
      { orgCode: 'ars-bfc', role: 'co_pilot' },
    ],
    pilotsPrinted:
      "Le pilotage est assuré par Dijon métropole et la délégation départementale ARS de la Côte-d'Or au titre de Equipe Mutualisée Acodège Sdat .",
    formerNames: [],
    targetPublic: [
      'Personnes majeures ou en logement autonome pour lesquelles il a été identifié un ou des signes de souffrance psychique ET pour lesquels le droit commun (social ou médical) est en limite d\'intervention ou n\'a pas été activé ;',
      'Domiciliés sur les communes de Dijon, Chenôve, Talant, Quetigny et Longvic.',
    ],
    territory: 'Communes de Dijon, Chenôve, Talant, Quetigny et Longvic.',
    capacityTargets: [
      {
        code: 'active_caseload',
        label: 'File active',
        value: 40,
        unit: 'persons',
        period: 'at_any_time',
        breakdown: 'exhaustive',
        of: [
          { code: 'follow_ups', label: 'suivis', value: 35, unit: 'follow_ups', period: 'at_any_time', printed: '35 suivis' },
          {
            code: 'co_evaluations',
            label: 'co-évaluations menées avec partenaires financeurs',
            value: 5,
            unit: 'co_evaluations',
            period: 'at_any_time',
            maxDurationMonths: 3,
            printed: '5 co-évaluations menées avec partenaires financeurs (d\'une durée de 3 mois maximum)',
          },
        ],
        printed:
          "File active de 40 personnes : 35 suivis et 5 co-évaluations menées avec partenaires financeurs (d'une durée de 3 mois maximum).",
      },
    ],
    staff: [
      { jobTitle: 'directeur adjoint', jobCode: 'deputy-director', fte: '0,08', fteValue: 0.08, quantity: 0.08, unit: 'fte', printed: '0,08 etp de directeur adjoint,' },
      { jobTitle: 'chef de service', jobCode: 'head-of-service', fte: '0,30', fteValue: 0.3, quantity: 0.3, unit: 'fte', printed: '0,30 etp de chef de service,' },
      { jobTitle: 'travailleur social', jobCode: 'social-worker', fte: '1,00', fteValue: 1, quantity: 1, unit: 'fte', printed: '1,00 etp de travailleur social,' },
      { jobTitle: 'infirmière', jobCode: 'nurse', fte: '1,00', fteValue: 1, quantity: 1, unit: 'fte', printed: '1,00 etp infirmière' },
      { jobTitle: 'psychologue', jobCode: 'psychologist', fte: '0,40', fteValue: 0.4, quantity: 0.4, unit: 'fte', printed: '0,40 etp psychologue' },
      { jobTitle: 'temps administratif', jobCode: 'administrative', fte: '0,30', fteValue: 0.3, quantity: 0.3, unit: 'fte', printed: '0,30 etp de temps administratif,' },
    ],
    indicators: [
      ...indicators('means', [
        ['fte_and_qualifications', "Nombre d'ETP mobilisés et qualifications"],
        ['payroll_growth_rate', "Taux d'évolution de la masse salariale (2 années plus l'année en cours)"],
        ['payroll_to_budget_ratio', 'Ratio masse salariale/budget global et évolution'],
        ['cumulative_operating_surplus', "Excédents d'exploitation cumulés pour l'opération"],
      ]),
      ...indicators('result', [
        ['referrals_and_referrers', 'Nombre de personnes orientées et origine des prescripteurs'],
        ['persons_supported_occupancy_rate', 'Nombre de personnes suivies et accompagnées – taux d\'occupation'],
        ['exits_and_duration', 'Nombre de sorties et durée des prises en charge'],
        ['waiting_list_and_refusals', "Nombre de personnes sur liste d'attente et refusées"],
        ['participant_profile', 'Profil des personnes (âge, situation...)'],
        ['support_qualification', 'Qualification des accompagnements sur les thématiques administratives, logement et santé'],
        ['hand_over_qualification', 'Nature et qualification des relais lors les sorties'],
        ['average_episode_duration', 'Durée moyenne des parcours'],
      ]),
    ],
    openingNotes: [
      "Unité d'intervention à domicile créée en 2019 dans le cadre du contrat local de santé ; la SDAT est le porteur administratif de l'Equipe Mutualisée Acodège Sdat.",
      "Public en logement autonome, en non-demande de soins, croisant une problématique psychique et sociale intriquée.",
      "N'entrent pas dans le champ : les situations d'urgence et de crise, la substitution aux dispositifs de droit commun.",
    ],
    activityNotes: [
      'Entrées sur décision de la Commission de Coordination des Accompagnements ; première visite en binôme.',
      "Intervention simultanée du social et du médico-social, en soutien de l'accompagnement de droit commun, avec passage de relais.",
      "Le comité de suivi du dispositif valide les évaluations, les renouvellements et les sorties.",
    ],
  },
];
