import type { SolidarityPact } from '../types';

const PACTE = 'pacte-solidarite-dijon-metropole-2020' as const;

/**
 * Pacte de solidarité Dijon Métropole 2020 (document 003): annex 1 (table of commitments)
 * and annex 2 (one fiche per action). Titles are kept as printed in each annex — they
 * differ for several actions, which the reconciliation reports.
 */
export const pacte: SolidarityPact = {
  agreementCode: PACTE,
  year: 2020,
  axes: [
    { number: 1, title: "Renforcer l'accès aux droits et l'autonomie des publics" },
    { number: 2, title: "Fortifier l'accompagnement autour du logement" },
    { number: 3, title: 'Rendre plus efficace la distribution alimentaire' },
  ],
  actions: [
    {
      agreementCode: PACTE,
      axisNumber: 1,
      number: '1.1',
      tableTitle:
        "Identifier des professionnels dédiés à l'accompagnement des publics dans les démarches administratives et dans la lutte contre le non recours aux droits",
      ficheTitle:
        "Renforcer les compétences des acteurs dans l'accompagnement des publics à l'accès à leurs droits",
      statePrinted: '76 000 €',
      stateAmountCents: 7600000,
      metropolePrinted: '76 000 €',
      metropoleAmountCents: 7600000,
      estimatedBudgetPrinted: '152 000 €',
      estimatedBudgetCents: 15200000,
      objective:
        "Résorber la possible rupture d'égalité entre les usagers dans leur accès aux services publics et plus largement à des démarches qui se font de plus en plus sur un support numérique. Proposer au public des services sociaux de bénéficier d'un accompagnement permettant de l'inscrire dans l'ensemble des droits auxquels il peut prétendre",
      description:
        "Des agents d'accompagnement administratif sont identifiés afin d'accompagner les publics dans leurs démarches administratives, particulièrement sur support numérique. Ces professionnels exerceront une vigilance particulière sur le niveau de droits où se situent les usagers afin de faire bénéficier chacun du bon niveau de droits qui est le sien en fonction de sa situation propre",
      targetPublic:
        "Public du service social métropolitain et des Centres Communaux d'Action Sociale des communes métropolitaines",
      territory: 'Territoire métropolitain',
      timetable:
        "Installation de 7 agents d'accompagnement administratif au 1 ^{er} juin 2020 avec contacts téléphoniques et rendez-vous physiques avec les publics sur leur lieu de vie.",
      indicators: [
        { label: "Nombre de personnes reçues par un agent d'accompagnement administratif" },
        { label: 'Nombre de droits ouverts' },
      ],
      figures: [
        {
          code: 'administrative_support_agents',
          label: "Agents d'accompagnement administratif installés au 1er juin 2020",
          value: 7,
          unit: 'agents',
          printed: "Installation de 7 agents d'accompagnement administratif au 1 ^{er} juin 2020",
        },
      ],
    },
    {
      agreementCode: PACTE,
      axisNumber: 1,
      number: '1.2',
      tableTitle: "Apporter des compétences nouvelles à un réseau d'acteurs large",
      ficheTitle: "Apporter des compétences nouvelles à un réseau d'acteurs large.",
      statePrinted: '7 500 €',
      stateAmountCents: 750000,
      metropolePrinted: '7 500 €',
      metropoleAmountCents: 750000,
      estimatedBudgetPrinted: '15 000 €',
      estimatedBudgetCents: 1500000,
      objective:
        "Former les professionnels dans les communes et au sein des services sociaux métropolitains, amenés à recevoir la demande sociale des usagers et les doter d'éléments de réponse suffisants. Le prestataire mettra en place une action favorisant la montée en compétence de professionnels identifiés pour les aider à devenir aidants numériques. La finalité de l'action sera : - de permettre aux publics d'accéder à l'entièreté de leurs droits - de favoriser l'autonomie des publics dans leurs démarches administratives",
      description:
        "Formation continue de ces professionnels pour en faire des experts de l'accompagnement aux démarches administratives dématérialisées Amener les aidants numériques à connaître et utiliser avec aisance les interfaces numériques clés en matière d'accès aux droits et à la citoyenneté (en ciblant les sites administratifs majeurs) Agir en co-animation de réseau autour de la thématique de l'accès aux droits par support numérique",
      targetPublic:
        "Agents d'accompagnement administratif et travailleurs sociaux du Service Social Métropolitain, secrétaires et travailleurs sociaux de CCAS, secrétaires de mairies, agents d'accueil des structures de quartier",
      territory: 'Territoire métropolitain',
      timetable: 'Appel à projet. Mise en œuvre en novembre des formations',
      indicators: [
        { label: 'Nombre de communes impliquées' },
        { label: "Nombre d'agents formés" },
        { label: "Évaluation qualitative sur l'aisance apportée par la formation dans la réponse au public" },
      ],
      figures: [],
    },
    {
      agreementCode: PACTE,
      axisNumber: 1,
      number: '1.3',
      tableTitle: 'Faire des publics les premiers acteurs de leur autonomie',
      ficheTitle: 'Faire des publics les premiers acteurs de leur autonomie',
      statePrinted: '5 000 €',
      stateAmountCents: 500000,
      metropolePrinted: '5 000 €',
      metropoleAmountCents: 500000,
      estimatedBudgetPrinted: '10 000 €',
      estimatedBudgetCents: 1000000,
      objective:
        "Créer les conditions d'une réflexion partenariale sur la place des usagers dans le sens du développement du pouvoir d'agir. Faciliter le partenariat sur un territoire QPV à travers une réflexion pouvant mêler social, socio-éducatif et socio-culturel. Accompagner un réseau partenarial à construire une place pour les publics dans la résolution de leurs difficultés, en prenant appui sur des notions comme l'empowerment , le pouvoir d'agir..., dans l'esprit de l'article D.142-1-1 du Code de l'Action Sociale et des Familles : « Le travail social vise à permettre l'accès des personnes à l'ensemble des droits fondamentaux (...) à exercer pleinement leur citoyenneté. Dans un but d'émancipation, d'accès à l'autonomie, de protection et de participation des personnes, à agir pour elles-mêmes et dans leur environnement. »",
      description:
        "Réunir des professionnels du quartier politique de la ville de Chenôve sur des journées de formation / co-construction facilitant l'acculturation entre partenaires autour du thème de la place des usagers. Marqueur fort : interroger les actions menées à l'aune de la place à accorder au public dans la résolution de ses difficultés.",
      targetPublic: "Professionnels de l'action sociale, socio-éducative et socio-culturelle",
      territory: 'Commune de Chenôve – quartier prioritaire',
      timetable: 'Appel à projet en août Mise en œuvre en octobre - décembre',
      indicators: [
        { label: 'Participation du partenariat' },
        { label: 'Émergence de pratiques favorisant réellement la participation des usagers' },
      ],
      figures: [],
    },
    {
      agreementCode: PACTE,
      axisNumber: 1,
      number: '1.4',
      tableTitle: 'Promouvoir une action sociale décloisonnée',
      ficheTitle: "Accompagner les 23 communes à enrichir leurs réponses au public porteur d'une demande sociale",
      statePrinted: '6 000 €',
      stateAmountCents: 600000,
      metropolePrinted: '6 000 €',
      metropoleAmountCents: 600000,
      estimatedBudgetPrinted: '12 000 €',
      estimatedBudgetCents: 1200000,
      objective:
        "Accompagner les 23 communes de Dijon métropole à enrichir la réponse qu'elles apportent à chaque sollicitation faisant appel à une connaissance fine des ressources du territoire en matière d'accompagnement social, médico-social et socio-éducatif. Dans le respect des structurations propres à chaque commune, issues de leur réalités démographiques et des impulsions politiques passées et présentes, animer ce réseau en lui apportant un contenu méthodologique et une connaissance des acteurs intervenant sur le territoire et garantir de fait à chaque citoyen un haut niveau de réponse à ses demandes d'ordre social.",
      description:
        "Construire un annuaire partenaires qui serait largement diffusé, dont l'organisation par champ d'intervention permettra d'accéder à l'information suffisante pour renseigner utilement un demandeur. Identifier pour cela un temps agent dédié à la construction de cet outil. Dégager du temps d'encadrement du service social métropolitain afin d'assurer l'adhésion des CCAS et des communes de la métropole à ce projet et plus largement d'animer ce réseau autour de la question du premier accueil.",
      targetPublic:
        "Travailleurs sociaux, secrétaires de mairie et agents d'accompagnement administratifs, professionnels du socio-éducatif, travaillant pour Dijon métropole, pour un CCAS ou pour une commune de la métropole.",
      territory: 'Territoire métropolitain',
      timetable:
        "Septembre : identification d'un 0,5 ETP de secrétariat consacré à la construction de l'annuaire partenaires + temps d'animation du réseau par un cadre de Dijon métropole. Décembre : livraison d'un état d'avancement de l'annuaire partenaires + définition de l'étape suivante : finalisation de l'annuaire et mode d'actualisation de l'outil",
      indicators: [
        { label: "Effectivité de la mise à disposition de l'annuaire partenaires" },
        { label: "Degré d'utilisation de cet outil" },
      ],
      figures: [
        {
          code: 'secretarial_fte',
          label: "ETP de secrétariat consacré à l'annuaire partenaires (septembre)",
          value: 0.5,
          unit: 'fte',
          printed: "identification d'un 0,5 ETP de secrétariat",
        },
        {
          code: 'member_municipalities',
          label: 'Communes de Dijon Métropole',
          value: 23,
          unit: 'communes',
          printed: 'Accompagner les 23 communes de Dijon métropole',
        },
      ],
    },
    {
      agreementCode: PACTE,
      axisNumber: 1,
      number: '1.5',
      tableTitle: "Adapter la fonction d'accueil par une démarche de design social",
      ficheTitle: "Adapter la fonction d'accueil par une démarche de design social",
      statePrinted: '7 500 €',
      stateAmountCents: 750000,
      metropolePrinted: '7 500 €',
      metropoleAmountCents: 750000,
      estimatedBudgetPrinted: '15 000 €',
      estimatedBudgetCents: 1500000,
      objective:
        "Définir l'offre de service proposée par les antennes (nature des prestations et relations à l'utilisateur) Définir les conditions de l'attractivité de l'offre d'accompagnement pour tous les publics usagers, notamment les non-accédants Adapter l'organisation interne (postes, compétences, circuits) et favoriser la cohésion des équipes au sein des antennes",
      description:
        'Sensibilisation à la démarche de design des acteurs décisionnels, élus et encadrements Déploiement de la démarche de design',
      targetPublic: 'Équipes de professionnels des antennes, effectifs préexistants et nouvellement affectés',
      territory: '1 ou 2 antennes concernées par la phase expérimentale',
      timetable:
        "A - Phase de diagnostic participatif : - des besoins chez les usagers (prestations et relations attendues), des besoins dans les équipes (adaptation de l'organisation, process, management) ; - des ressources sur le territoire (comprendre et valoriser le maillage et les partenariats) B - Phase d'idéation C - Phase de décision et de prototypage D - Phase de test et d'intégration",
      indicators: [
        { label: 'Indicateur de fréquentation aux antennes' },
        { label: 'Indicateurs de diversité des publics' },
        { label: 'Indicateurs de fidélisation des publics' },
        { label: "Indicateurs d'initiative, de dynamisme et d'engagement dans les équipes" },
      ],
      figures: [],
    },
    {
      agreementCode: PACTE,
      axisNumber: 2,
      number: '2.1',
      tableTitle: "Promouvoir un accompagnement renforcé autour de l'accès et du maintien dans le logement",
      ficheTitle:
        "Promouvoir un accompagnement renforcé autour des mesures d'Accompagnement Social Lié au Logement (ASLL)",
      statePrinted: '66 500 €',
      stateAmountCents: 6650000,
      metropolePrinted: '66 500 €',
      metropoleAmountCents: 6650000,
      estimatedBudgetPrinted: '133 000 €',
      estimatedBudgetCents: 13300000,
      objective:
        "Les modalités d'intervention des travailleurs sociaux portant des mesures d'ASLL ont sensiblement évolué avec le transfert des compétences à Dijon métropole. Le choix a été fait, par la mobilisation d'une enveloppe financière plus conséquente, de rapprocher la fréquence des rencontres des usagers lors d'une mesure afin d'en accroître l'efficacité.",
      description:
        "Intervenir auprès des publics nécessitant un accompagnement au moment de l'accès ou du maintien dans un logement. Apporter un appui à la gestion du budget, dans la prise en compte des obligations liées au logement",
      targetPublic:
        'Personnes seules ou familles pour lesquelles un accompagnement est nécessaire pour sécuriser un accès ou un maintien dans un logement',
      territory: 'Territoire métropolitain',
      timetable:
        "Appel à projet. Opérateur retenu Démarrage de l'action au 1 ^{er} juin 2020 Points d'étape tous les deux mois",
      indicators: [
        { label: 'Nombre de mesures exercées' },
        { label: "Bilan des suites : atteinte des objectifs, non collaboration, orientation vers d'autres réponses..." },
      ],
      figures: [
        {
          code: 'progress_review_interval_months',
          label: "Intervalle entre deux points d'étape (mois)",
          value: 2,
          unit: 'months',
          printed: "Points d'étape tous les deux mois",
        },
      ],
    },
    {
      agreementCode: PACTE,
      axisNumber: 2,
      number: '2.2',
      tableTitle:
        'Consolider un accompagnement spécifique auprès de publics en difficulté dans le rapport entretenu avec leur logement',
      ficheTitle: 'Renforcer un accompagnement spécifique auprès des publics en difficulté dans leur logement',
      statePrinted: '7 000 €',
      stateAmountCents: 700000,
      metropolePrinted: '7 000 €',
      metropoleAmountCents: 700000,
      estimatedBudgetPrinted: '14 000 €',
      estimatedBudgetCents: 1400000,
      objective: 'Conforter la réponse spécifique que constitue ACOR Grand Dijon sur cette période particulière',
      description:
        'Étoffer les capacités de prise en charge de ces deux actions pour faire face à un volume de demandes en hausse.',
      targetPublic:
        "Personnes majeures entraînées dans un processus d'exclusion sociale lié à des difficultés sociales et médico-sociales",
      territory: 'Territoire métropolitain',
      timetable:
        'Permettre à ces actions de prendre en charge quelques situations complémentaires dès le mois de septembre',
      indicators: [{ label: 'Nombre de situations prises en charge' }],
      figures: [],
    },
    {
      agreementCode: PACTE,
      axisNumber: 2,
      number: '2.3',
      tableTitle:
        "Prolonger l'expérimentation d'une équipe mobile intervenant au domicile des personnes porteuses de troubles psychiques",
      ficheTitle:
        "Prolonger l'expérimentation d'une équipe mobile intervenant au domicile des personnes porteuses de troubles psychiques",
      statePrinted: '5 225 €',
      stateAmountCents: 522500,
      metropolePrinted: '5 225 €',
      metropoleAmountCents: 522500,
      estimatedBudgetPrinted: '10 450 €',
      estimatedBudgetCents: 1045000,
      objective:
        "- Permettre l'accès aux soins des personnes en non demande, habitant en logement autonome.- Favoriser la continuité des parcours des personnes souffrant de troubles psychiques et éviter les ruptures dans la prise en charge.- Favoriser les conditions du maintien à domicile.",
      description:
        "Mise en place d'une équipe pluridisciplinaire ayant pour mission d'aller au devant des personnes en souffrance psychique et de proposer un accompagnement permettant leur inscription dans les dispositifs de droit commun. Cette équipe est composée d'un travailleur social, d'un infirmier et d'un psychologue.",
      targetPublic:
        "Personnes de plus de 18 ans domiciliées en logement autonome, en souffrance psychique, dans l'incapacité de formuler une demande de soins, pour lesquelles une prise en charge sur les lieux de soins habituels n'est pas mise en place au moment de la sollicitation et nécessitant un accompagnement spécifique.",
      territory:
        'Périmètre du CLS, soit les 5 communes « politique de la ville » (Chenôve, Dijon, Longvic, Quetigny, Talant).',
      timetable:
        "Une expérimentation a été lancée en octobre 2019 pour une durée de 1 an. Elle fait l'objet d'une convention cadre entre les opérateurs et les partenaires financeurs, organisés en 3 catégories : - État (ARS et DDCS) ; - Collectivités territoriales (Dijon métropole ; Villes de Chenôve, Dijon, Longvic, Quetigny et Talant) ; - Bailleurs sociaux (CDC Habitat, Grand Dijon Habitat, Habellis, ICF Sud-Est-Méditerranée et Orvitis). Une évaluation externe à visée stratégique est menée depuis janvier 2020. La crise sanitaire a ralenti le déploiement de l'expérimentation. Afin de consolider les accompagnements des bénéficiaires et d'approfondir l'évaluation, la prorogation de l'expérimentation est souhaitée jusqu'à la fin de l'année 2020.",
      indicators: [
        {
          label:
            "évaluation de la qualité du dispositif : suivi et analyse des interventions menées, degré d'atteinte des résultats et identification des conséquences imprévues, adéquation entre les ressources mobilisées et les objectifs.",
        },
        {
          label:
            "évaluation de la mise à l'échelle du dispositif : identification des facteurs clés nécessaires pour développer le dispositif de manière durable.",
        },
      ],
      figures: [
        {
          code: 'team_members',
          label: "Professionnels de l'équipe (travailleur social, infirmier, psychologue)",
          value: 3,
          unit: 'professionals',
          printed: "Cette équipe est composée d'un travailleur social, d'un infirmier et d'un psychologue.",
        },
        {
          code: 'experiment_initial_duration_months',
          label: "Durée initiale de l'expérimentation lancée en octobre 2019 (mois)",
          value: 12,
          unit: 'months',
          printed: 'Une expérimentation a été lancée en octobre 2019 pour une durée de 1 an.',
        },
        {
          code: 'funder_partner_categories',
          label: 'Catégories de partenaires financeurs',
          value: 3,
          unit: 'categories',
          printed: 'partenaires financeurs, organisés en 3 catégories',
        },
      ],
    },
    {
      agreementCode: PACTE,
      axisNumber: 3,
      number: '3.1',
      tableTitle:
        "Mutualiser une fonction de prospection téléphonique permettant d'identifier des approvisionnements économiquement et environnementalement intéressants",
      ficheTitle:
        "Créer les conditions d'un approvisionnement mutualisé et rationalisé en denrées alimentaires et hygiène, pour l'ensemble des structures",
      statePrinted: '15 000 €',
      stateAmountCents: 1500000,
      metropolePrinted: '15 000 €',
      metropoleAmountCents: 1500000,
      estimatedBudgetPrinted: '30 000 €',
      estimatedBudgetCents: 3000000,
      objective:
        "Créer les conditions d'un approvisionnement mutualisé et rationalisé en denrées alimentaires et hygiène, pour l'ensemble des structures, en identifiant un acteur unique de la recherche de marchés.",
      description:
        "Mettre en commun un dispositif de prospection permettant d'accéder aux offres les plus intéressantes. Confier à un opérateur spécialisé la recherche téléphonique d'achat/dons de nourriture et de produits d'hygiène pour l'ensemble des structures de l'aide alimentaire sur le territoire métropolitain. Lui demander de prospector téléphoniquement les marchés susceptibles d'apporter les meilleures offres, dans une double préoccupation économique et environnementale.",
      targetPublic: 'Associations œuvrant dans la distribution alimentaire',
      territory: 'Territoire métropolitain',
      timetable: "Démarrage de la prospection par l'opérateur courant septembre 2020",
      indicators: [
        { label: 'Évolution des opportunités en terme de marchés rendus accessibles aux structures caritatives.' },
      ],
      figures: [],
    },
    {
      agreementCode: PACTE,
      axisNumber: 3,
      number: '3.2',
      tableTitle: "Se doter d'un outil visant la gestion partagée des denrées alimentaires générées par la prospection",
      ficheTitle: "Se doter d'un outil visant la gestion partagée des denrées alimentaires générées par la prospection",
      statePrinted: '4 275 €',
      stateAmountCents: 427500,
      metropolePrinted: '4 275 €',
      metropoleAmountCents: 427500,
      estimatedBudgetPrinted: '8 550,00 €',
      estimatedBudgetCents: 855000,
      objective:
        "Poursuivre la construction d'une dynamique de coopération entre les structures intervenant dans la distribution alimentaire en se dotant d'un modèle de répartition des denrées auprès de chacune de ces structures, modèle qui accompagne cette prospection et organise l'orientation des arrivages qui en découleront.",
      description:
        "Commander une étude visant à doter le collectif des structures d'aide alimentaire d'un modèle d'organisation garantissant une répartition équitable des denrées alimentaires prospectées sur une dimension logistique (comment ramasser les denrées, quelle utilisation de moyens et quelle répartition entre structures ?) L'étude devra faire ressortir les conditions à prendre en compte pour assurer la pérennité du mode d'organisation dégagé.",
      targetPublic: 'Associations œuvrant dans la distribution alimentaire.',
      territory: 'Territoire métropolitain',
      timetable:
        "Commande à passer courant septembre. Rendu de l'étude en novembre Partage de l'étude avec les structures de l'aide alimentaire en décembre",
      indicators: [
        { label: "Réalisation d'un modèle réellement appliqué" },
        { label: 'Amélioration des approvisionnements (volume et régularité) pour chaque structure' },
        { label: "Observation de l'impact financier pour chaque structure" },
      ],
      figures: [],
    },
  ],
  printedTotals: {
    statePrinted: '200 000 €',
    stateCents: 20000000,
    metropolePrinted: '200 000 €',
    metropoleCents: 20000000,
    article1EachCents: 20000000,
    article231StateCents: 20000000,
  },
  parityRule: {
    rule: 'metropole_gte_state',
    sourceRef: 'Article 2.3.2',
    printed:
      "Dijon Métropole s'engage à consacrer aux actions décrites à l'article 2.2 des financements au moins équivalents dans leur montant à ceux qui lui sont accordés pour ces actions par l'État au titre de la présente convention.",
  },
  emasFunderPartners: [
    { category: 'État', orgNames: ['ARS', 'DDCS'] },
    {
      category: 'Collectivités territoriales',
      orgNames: ['Dijon métropole', 'Ville de Chenôve', 'Ville de Dijon', 'Ville de Longvic', 'Ville de Quetigny', 'Ville de Talant'],
    },
    {
      category: 'Bailleurs sociaux',
      orgNames: ['CDC Habitat', 'Grand Dijon Habitat', 'Habellis', 'ICF Sud-Est-Méditerranée', 'Orvitis'],
    },
  ],
};
