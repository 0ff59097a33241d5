import type { Agreement } from '../types';

/** The five agreements of `shared/seeds`. */
export const agreements: Agreement[] = [
  // -------------------------------------------------------------------------
  // 001 – Convention cadre 2022 (the core document)
  // -------------------------------------------------------------------------
  {
    code: 'convention-cadre-sdat-2022',
    title:
      "CONVENTION CADRE 2022 définissant les principes et les moyens de l'intervention de la Société Dijonnaise de l'Assistance par le Travail (SDAT) relatifs aux dispositifs spécifiques en place sur la Métropole de Dijon – Annexes budgétaires 2022",
    shortTitle: 'Convention cadre 2022',
    kind: 'framework_agreement',
    sourceDocument: '001',
    signedOn: null,
    startDate: '2022-01-01',
    endDate: '2022-12-31',
    durationMonths: 12,
    renewal: { kind: 'none', printed: 'Une nouvelle convention cadre pluriannuelle sera élaborée au cours de l\'exercice 2023.' },
    datesNote:
      "Dates déduites : la convention porte sur l'année 2022 (« La convention 2022 se limite aux 3 actions… », budgets 2022) ; la date de signature n'est pas imprimée (« Fait à Dijon, le »). Pas de reconduction : une nouvelle convention pluriannuelle doit être élaborée en 2023.",
    signatories: [
      {
        orgCode: 'etat',
        role: 'funder',
        printedParty:
          "L'Etat, représenté par le préfet de la région Bourgogne-Franche-Comté, préfet de la Côte-d'Or,",
        representedBy: null,
        signedBy: 'Nicolas NIBOUREL',
        signatureCapacity:
          "Pour le préfet de la Côte-d'Or, Le directeur départemental de l'emploi, du travail et des solidarités",
      },
      {
        orgCode: 'dijon-metropole',
        role: 'funder',
        printedParty: 'Dijon Métropole, représentée par son Président, M. François REBSAMEN,',
        representedBy: 'M. François REBSAMEN',
        signedBy: 'François REBSAMEN',
        signatureCapacity: 'Le président de Dijon Métropole Maire de la ville de Dijon',
      },
      {
        orgCode: 'ville-dijon',
        role: 'funder',
        printedParty: 'La Ville de Dijon, représentée par son maire, M. François REBSAMEN,',
        representedBy: 'M. François REBSAMEN',
        signedBy: 'François REBSAMEN',
        signatureCapacity: 'Le président de Dijon Métropole Maire de la ville de Dijon',
      },
      {
        orgCode: 'ccas-chenove',
        role: 'funder',
        printedParty:
          'Le CCAS de Chenôve, représenté par son Président, M. Thierry FALCONNET, Maire de Chenôve,',
        representedBy: 'M. Thierry FALCONNET',
        signedBy: 'Thierry FALCONNET',
        signatureCapacity: 'Le président du CCAS de Chenôve',
      },
      {
        orgCode: 'ars-bfc',
        role: 'funder',
        printedParty:
          "L'Agence Régionale de Santé, représentée, par délégation, par Mme Aline GUIBELIN, déléguée territoriale ARS de la Côte-d'Or,",
        representedBy: 'Mme Aline GUIBELIN',
        signedBy: 'Aline GUIBELIN',
        signatureCapacity:
          "Pour le directeur général de l'ARS Bourgogne Franche-Comté La déléguée départementale de la Côte-d'Or",
      },
      {
        orgCode: 'sdat',
        role: 'operator',
        printedParty:
          'La SDAT, sise 5 bis rue de la Manutention à Dijon, représentée par sa présidente, Mme. Martine GIRARD.',
        representedBy: 'Mme. Martine GIRARD',
        signedBy: 'Martine GIRARD',
        signatureCapacity: 'La présidente de la SDAT',
      },
    ],
    keyArticles: [
      {
        ref: 'Article 1',
        title: 'PÉRIMÈTRE DE LA CONVENTION 2022',
        summary:
          "La convention 2022 prolonge la convention 2016-2019 et se limite à 3 actions : ACOR Centre ville, ACOR Dijon Métropole (fusion d'Acor Grand Dijon et d'Inser Social Chenôve) et EMAS. Une nouvelle convention pluriannuelle sera élaborée en 2023.",
      },
      {
        ref: 'Article 2',
        title: 'PRINCIPES GENERAUX REGISSANT LES INTERVENTIONS DE LA SDAT',
        summary:
          "Missions de remédiation sociale limitées dans le temps ; entrées EMAS et ACOR Dijon Métropole validées par la commission de coordination des accompagnements ; Fonds Vie Sociale subsidiaire, enveloppe annuelle limitative, présentation semestrielle à la commission de suivi, crédits non utilisés en N-1 réaffectés en N.",
      },
      {
        ref: 'Article 3',
        title: 'CONTENU DES ANNEXES ATTACHEES A LA PRESENTE CONVENTION',
        summary:
          "Subventions fixées chaque année sur la base des budgets prévisionnels validés ; pas de reprise de déficit en N+1 ; affectation des excédents validée par les co-financeurs ; frais de siège dans la limite de 5 % ; annexes révisables chaque année.",
      },
      {
        ref: 'Article 4',
        title: 'SUIVI DE LA CONVENTION',
        summary:
          "Un pilote choisi parmi les institutions signataires suit chaque dispositif (ACOR Dijon Métropole co-piloté par Dijon Métropole et le CCAS de Chenôve) ; comité de pilotage annuel à l'initiative du pilote ; comité de suivi annuel réuni par le préfet avec tous les signataires (évaluation, correction de la convention, validation des apports financiers).",
      },
      {
        ref: 'Article 5',
        title: 'MODALITES DE VERSEMENT DES SUBVENTIONS',
        summary: 'Chaque financeur fixe avec la SDAT les modalités de versement de sa subvention.',
      },
      {
        ref: 'Annexe 1',
        title: 'Dispositif ACOR CENTRE VILLE',
        summary:
          "Accueil de jour et équipe mobile ; pilote : CCAS de Dijon ; BP N au 1er décembre N-1, bilan au 15 mars, comité technique de suivi au plus tard le 31 mars ; budget 2022.",
      },
      {
        ref: 'Annexe 2',
        title: 'Dispositif ACOR Dijon Métropole',
        summary:
          'Accompagnement social individualisé ; co-pilotes : Dijon Métropole et CCAS de Chenôve ; 220 suivis par an dont 60 à Chenôve ; budget 2022.',
      },
      {
        ref: 'Annexe 3',
        title: 'Dispositif EMAS',
        summary:
          "Equipe mutualisée Acodège-Sdat ; pilotes : Dijon Métropole et délégation départementale de l'ARS ; file active de 40 personnes ; comité de pilotage au plus tard le 31 mars ; budget 2022.",
      },
      {
        ref: 'Annexe 4',
        title: 'Règlement intérieur commission de coordination des accompagnements',
        summary:
          'Commission mensuelle (majoritairement le dernier mardi du mois), co-animée par Dijon Métropole et le SIAO-115 ; saisine au moins 15 jours avant ; premier bilan à 4 mois.',
      },
    ],
    programmeCodes: ['acor-centre-ville', 'acor-dijon-metropole', 'emas'],
    crossReferences: [
      {
        fromRef: 'Préambule',
        citedRef: "l'article 4",
        aboutObligationKind: 'steering_committee',
        printed:
          "La gouvernance, le suivi de la convention et le pilotage de chaque dispositif sont précisés à l'article 4 de la convention.",
      },
    ],
    pilotRule: {
      sourceRef: 'Article 4',
      printed:
        'Un pilote parmi les institutions signataires de la convention est désigné pour assurer le suivi de chaque dispositif géré par la SDAT, le pilote est désigné dans chacune des annexes.',
    },
    printedFunderLists: [
      {
        sourceRef: 'Préambule',
        orgCodes: ['etat', 'dijon-metropole', 'ville-dijon', 'ars-bfc'],
        printed:
          "Sur le territoire métropolitain, 3 actions cofinancées ont été identifiées par l'Etat, Dijon Métropole, la Ville de Dijon et l'Agence Régionale de Santé avec une attention particulière portée au territoire de la ville de Chenôve.",
      },
    ],
  },

  // -------------------------------------------------------------------------
  // 003 – Pacte de solidarité Dijon Métropole 2020
  // -------------------------------------------------------------------------
  {
    code: 'pacte-solidarite-dijon-metropole-2020',
    title:
      "PACTE DE SOLIDARITÉ DIJON MÉTROPOLE – CONVENTION D'APPUI À LA LUTTE CONTRE LA PAUVRETÉ 2020",
    shortTitle: 'Pacte de solidarité Dijon Métropole 2020',
    kind: 'solidarity_pact',
    sourceDocument: '003',
    signedOn: null,
    startDate: '2020-01-01',
    endDate: '2020-12-31',
    durationMonths: 12,
    renewal: {
      kind: 'none',
      printed: "La présente convention prend effet à compter de sa signature, pour l'année 2020.",
    },
    terminationRule:
      "La convention peut être dénoncée par l'une ou l'autre des parties par lettre recommandée avec accusé de réception. Cette dénonciation doit être adressée au plus tard le 31 décembre à l'autre partie.",
    datesNote:
      "La convention « prend effet à compter de sa signature, pour l'année 2020 » ; la date de signature n'est pas imprimée (postérieure à la délibération du 17 septembre 2020). Les engagements portent sur l'année 2020 entière (actions démarrées dès juin 2020) : période retenue du 01/01/2020 au 31/12/2020.",
    signatories: [
      {
        orgCode: 'etat',
        role: 'funder',
        printedParty:
          "L'État représenté par le Préfet de Région, Préfet du département de la Côte-d'Or, et désigné ci-après par les termes « Le Préfet », d'une part,",
        representedBy: null,
        signedBy: 'Fabien SUDRY',
        signatureCapacity: "Le Préfet de la Côte d'Or",
        additionalSigners: [
          'Marine JEANTET (La déléguée interministérielle à la prévention et à la lutte contre la pauvreté)',
        ],
      },
      {
        orgCode: 'dijon-metropole',
        role: 'beneficiary',
        printedParty:
          'Dijon Métropole, représentée par son Président, agissant en vertu de la délibération du conseil métropolitain du 17 septembre 2020 et désignée ci-après « Dijon Métropole », d\'autre part,',
        representedBy: null,
        signedBy: 'François REBSAMEN',
        signatureCapacity: 'Le Président de Dijon Métropole,',
      },
    ],
    keyArticles: [
      {
        ref: 'Article 1',
        title: 'OBJET DE LA CONVENTION',
        summary: "L'État et Dijon Métropole consacrent chacun 200 000 € sur l'année 2020 aux actions de la convention.",
      },
      {
        ref: 'Article 2.3.1',
        title: "Financement par l'État",
        summary:
          "Soutien de l'État de 200 000 € (montant prévisionnel) pour 2020 ; montant définitif fixé par avenant.",
      },
      {
        ref: 'Article 2.3.2',
        title: 'Maintien des dépenses de Dijon Métropole et parité des financements',
        summary:
          "Dijon Métropole consacre aux actions des financements au moins équivalents à ceux accordés par l'État.",
      },
      {
        ref: 'Article 2.4',
        title: 'Suivi et évaluation de la convention',
        summary:
          "Suivi et évaluation conjoints, au plus tard trois mois après la fin de l'année ; rapport d'exécution (bilan financier, résultats, bilan global) délibéré en conseil métropolitain et transmis au Préfet au plus tard le 31 mars de l'exercice suivant.",
      },
      {
        ref: 'Article 3',
        title: 'MODALITÉS DE VERSEMENT DES CRÉDITS',
        summary: 'Versement unique sur le compte de Dijon Métropole.',
      },
      {
        ref: 'Article 4',
        title: 'DURÉE DE LA CONVENTION ET RENOUVELLEMENT',
        summary: "Effet à la signature, pour l'année 2020 ; aucune clause de renouvellement.",
      },
      {
        ref: 'Article 5',
        title: 'DÉNONCIATION DE LA CONVENTION',
        summary:
          "Dénonciation par lettre recommandée au plus tard le 31 décembre ; l'obligation de rapport d'exécution demeure.",
      },
      {
        ref: 'Annexe 1',
        title: 'Tableau des engagements',
        summary: '9 actions en 3 axes, montants État et Dijon Métropole par action (200 000 € chacun).',
      },
      {
        ref: 'Annexe 2',
        title: 'Précisions autour des axes',
        summary: 'Une fiche par action : contexte, objectif, public, territoire, échéancier, budget estimé, indicateurs.',
      },
    ],
    programmeCodes: [],
    crossReferences: [
      {
        fromRef: 'Article 5',
        citedRef: "l'article 4",
        aboutObligationKind: 'execution_report',
        printed:
          "Dijon métropole reste soumis aux obligations résultant de l'article 4 de la présente convention, en particulier la transmission d'un rapport portant sur l'exécution de la convention.",
      },
    ],
    printedFunderLists: [],
  },

  // -------------------------------------------------------------------------
  // 002 – CAF de la Côte-d'Or ↔ Communauté urbaine du Grand Dijon 2016-2017
  // -------------------------------------------------------------------------
  {
    code: 'caf-grand-dijon-2016-2017',
    title:
      "CONVENTION 2016 - 2017 Entre La Caisse d'Allocations Familiales de la Côte d'Or et La Communauté Urbaine du Grand Dijon",
    shortTitle: 'Convention CAF – Grand Dijon 2016-2017',
    kind: 'partnership_agreement',
    sourceDocument: '002',
    signedOn: null,
    startDate: '2016-01-01',
    endDate: '2017-12-31',
    durationMonths: 24,
    renewal: { kind: 'none', printed: null },
    datesNote:
      "« La présente convention est signée pour la période 2016-2017 » ; la date de signature n'est pas imprimée (« A Dijon, le »). Période retenue : années civiles 2016 et 2017.",
    signatories: [
      {
        orgCode: 'caf-21',
        role: 'partner',
        printedParty: "La Caisse d'Allocations Familiales de la Côte d'Or",
        representedBy: null,
        signedBy: 'Christophe SANNER',
        signatureCapacity: "Pour la Caisse d'Allocations Familiales de la Côte d'Or, Le Directeur,",
      },
      {
        orgCode: 'cu-grand-dijon',
        role: 'partner',
        printedParty: 'La Communauté Urbaine du Grand Dijon',
        representedBy: null,
        signedBy: 'François REBSAMEN',
        signatureCapacity: 'Pour la Communauté Urbaine du Grand Dijon, Le Président,',
      },
    ],
    keyArticles: [
      {
        ref: 'Article 1er',
        title: "Engagement au titre de l'observation de la cohésion sociale",
        summary:
          "La CAF fournit des données actualisées sur les allocataires des 24 communes (dont 7 quartiers politique de la ville) à l'échelle de l'IRIS ; le Grand Dijon lui transmet tout rapport produit avec ces données.",
      },
      {
        ref: 'Article 2',
        title: "Engagement au titre de l'Habitat",
        summary:
          "5 axes : relogement lié au renouvellement urbain (220 ménages sur 2016-2017), logement indigne (6 logements insalubres et 25 non décents par an pour le Grand Dijon), logement étudiant, gestion locative adaptée (AIS), accueil des gens du voyage.",
      },
      {
        ref: 'Article 3',
        title: 'Engagements au titre de la parentalité et des politiques éducatives',
        summary:
          "Groupe de travail dès 2016 sur les politiques éducatives hors quartiers prioritaires ; projet début 2016, expérimentation en 2017.",
      },
      {
        ref: 'Article 4',
        title: 'Engagement au titre de la Politique de la Ville',
        summary: 'La CAF est signataire du contrat de ville 2015-2020 et participe à ses groupes techniques.',
      },
      {
        ref: 'Article 5',
        title: 'Durée de la convention et modalités de pilotage',
        summary:
          'Convention 2016-2017 ; un comité technique suit et évalue sa mise en œuvre ; une à plusieurs réunions de travail sur la période.',
      },
    ],
    programmeCodes: [],
    crossReferences: [],
    printedFunderLists: [],
  },

  // -------------------------------------------------------------------------
  // 000 – CCAS de Dijon ↔ Adoma 2023
  // -------------------------------------------------------------------------
  {
    code: 'ccas-dijon-adoma-2023',
    title: 'CONVENTION DE PARTENARIAT entre le CCAS de la Ville de Dijon et ADOMA',
    shortTitle: 'Convention CCAS de Dijon – Adoma 2023',
    kind: 'partnership_agreement',
    sourceDocument: '000',
    signedOn: '2023-05-24',
    startDate: '2023-05-24',
    endDate: '2024-05-23',
    durationMonths: 12,
    renewal: {
      kind: 'tacit',
      periodMonths: 12,
      printed: 'Elle pourra être renouvelée expressément par tacite reconduction.',
    },
    terminationRule:
      "En cas de non-respect par l'une des Parties d'un quelconque de ses engagements ou des annexes, la présente convention pourra être résiliée de plein droit par l'autre partie à l'expiration d'un délai de quinze jours suivant l'envoi d'une lettre recommandée avec accusé de réception valant mise en demeure, restée sans effet.",
    datesNote:
      "« conclue pour une durée de 1 an à compter de la date de sa signature » ; signée le 24/05/2023 (« Fait à Dijon, le 24/05/2023 »). Reconduction tacite : sans fin prévue.",
    signatories: [
      {
        orgCode: 'ccas-dijon',
        role: 'partner',
        printedParty:
          "Le Centre Communal d'Action Sociale (CCAS) de la Ville de Dijon, dont le siège est 11 rue de l'Hôpital - CS 73310 - 21033 Dijon Cedex, représenté par son Président en exercice dûment habilité par délibération du Conseil d'Administration en date du 6 avril 2023, et par délégation par Monsieur Antoine HOAREAU, Vice-Président,",
        representedBy: 'Monsieur Antoine HOAREAU',
        signedBy: 'Antoine HOAREAU',
        signatureCapacity: 'Pour le Président, Le Vice-Président du CCAS,',
      },
      {
        orgCode: 'adoma',
        role: 'partner',
        printedParty:
          "ADOMA, Société Anonyme d'Economie Mixte, dont le siège social est situé 33 avenue Pierre Mendès France - 75013 PARIS 13, représentée par Katy BOUKHARI, en sa qualité de Directrice Territoriale Bourgogne- Franche-Comté,",
        representedBy: 'Katy BOUKHARI',
        signedBy: 'Véronique Poncin',
        signatureCapacity:
          "Pour ADOMA, La Directrice Territoriale, […] Véronique Poncin Directeur d'Établissement Adjoint Est 17 avenue de la République - 57000 Metz",
      },
    ],
    keyArticles: [
      {
        ref: 'ARTICLE 3',
        title: 'ENGAGEMENTS DES PARTIES',
        summary:
          "Le CCAS reçoit les personnes orientées par Adoma (fiches de liaison) et intervient dans les résidences ; Adoma met un bureau à disposition, oriente vers les Points d'Accès aux Droits, présente annuellement ses patrimoines aux équipes.",
      },
      {
        ref: 'ARTICLE 5',
        title: 'SUIVI DE LA CONVENTION ET COORDINATION',
        summary:
          'Points bimestriels ; deux temps de coordination par an (avec le DAC 21 et les 4 PAD) ; un comité de pilotage annuel ; calendrier annuel établi conjointement.',
      },
      {
        ref: 'ARTICLE 6',
        title: 'DUREE, RENOUVELLEMENT, MODIFICATION, RESILIATION DE LA CONVENTION',
        summary:
          "1 an à compter de la signature, reconduction tacite ; révision possible après évaluation partagée de la première année ; résiliation de plein droit 15 jours après mise en demeure restée sans effet.",
      },
      {
        ref: 'ARTICLE 7',
        title: 'CONFIDENTIALITE, PROTECTION ET SECURITE DES DONNEES',
        summary:
          "Secret professionnel ; respect du RGPD et de la loi du 20 juin 2018 ; destruction des données personnelles dès qu'elles ne sont plus nécessaires, au plus tard 2 mois en l'absence de contentieux ; information des personnes sur leurs droits (articles 15 à 23 du RGPD) ; dispositions applicables au-delà de la durée de la convention.",
      },
    ],
    programmeCodes: [],
    crossReferences: [],
    printedFunderLists: [],
  },

  // -------------------------------------------------------------------------
  // 004 – CCAS de Dijon ↔ Carsat Bourgogne-Franche-Comté 2014
  // -------------------------------------------------------------------------
  {
    code: 'ccas-dijon-carsat-2014',
    title:
      'CONVENTION DE PARTENARIAT entre le Centre Communal d\'Action Sociale de Dijon et la Carsat Bourgogne / Franche-Comté',
    shortTitle: 'Convention CCAS de Dijon – Carsat 2014',
    kind: 'partnership_agreement',
    sourceDocument: '004',
    signedOn: '2014-02-05',
    startDate: '2014-02-05',
    endDate: '2017-02-04',
    durationMonths: 36,
    renewal: {
      kind: 'renewable_once',
      periodMonths: 36,
      printed: 'La présente convention est signée pour une durée de 3 ans renouvelable une fois.',
    },
    terminationNoticeMonths: 3,
    terminationRule:
      "Elle pourra être résiliée à l'initiative de l'une ou l'autre des parties en respectant un préavis de trois mois.",
    datesNote:
      "Signée « Le - 5 FEV. 2014 » pour 3 ans renouvelable une fois : au plus tard jusqu'au 04/02/2020 si elle est renouvelée.",
    signatories: [
      {
        orgCode: 'ccas-dijon',
        role: 'partner',
        printedParty:
          "Le Centre Communal d'Action Sociale de Dijon, Dénommé ci-dessous le CCAS, Sis 11 rue de l'Hôpital – CS73310 - 21033 DIJON Cedex Représenté par son Président en exercice dûment habilité par délibération du conseil d'administration en date du 28 janvier 2014, lui-même représenté par Madame Françoise TENENBAUM, sa vice-Présidente,",
        representedBy: 'Madame Françoise TENENBAUM',
        signedBy: 'Françoise TENENBAUM',
        signatureCapacity: 'La Vice-Présidente du CCAS',
      },
      {
        orgCode: 'carsat-bfc',
        role: 'partner',
        printedParty:
          "La Caisse d'Assurance Retraite et de Santé au Travail de Bourgogne / Franche-Comté, Dénommée ci-dessous Carsat, Sise à la ZAE Capnord, 38 rue de Cracovie, 21044 DIJON Cedex Représentée par son Directeur, Monsieur Francis LEBELLE",
        representedBy: 'Monsieur Francis LEBELLE',
        signedBy: 'Francis LEBELLE',
        signatureCapacity: 'Le Directeur de la Carsat Bourgogne et Franche-Comté,',
      },
    ],
    keyArticles: [
      {
        ref: 'Article 5',
        title: 'Thèmes sur lesquels le CCAS et la CARSAT souhaitent établir un partenariat',
        summary:
          '8 thèmes (assurés fragilisés, passage à la retraite, âgés en foyers, lieux de vie collectifs, information des retraités…) traités en groupes de travail produisant des fiches actions validées par le comité de pilotage.',
      },
      {
        ref: 'Article 6',
        title: 'Comité de pilotage des coopérations entre la Carsat et le CCAS',
        summary:
          "Une fois par an, organisé alternativement par chaque partie : valide le bilan annuel et les orientations de l'année suivante.",
      },
      {
        ref: 'Article 7',
        title: 'Comité technique de suivi opérationnel des coopérations entre la Carsat et le CCAS',
        summary: 'Au minimum deux fois par an ; suit les coopérations et les groupes de travail.',
      },
      {
        ref: 'Article 9',
        title: 'Durée et résiliation de la Convention',
        summary:
          '3 ans renouvelable une fois ; résiliation avec préavis de 3 mois ; bilan annuel conjoint de mise en œuvre.',
      },
    ],
    programmeCodes: [],
    crossReferences: [],
    printedFunderLists: [],
  },
];
