import type { CafTargets } from '../types';

const CAF = 'caf-grand-dijon-2016-2017' as const;

/** CAF de la Côte-d'Or ↔ Communauté urbaine du Grand Dijon 2016-2017 (document 002). */
export const cafTargets: CafTargets = {
  agreementCode: CAF,
  interventionAxes: [
    "L'observation de la cohésion sociale,",
    "L'Habitat,",
    'La parentalité et les politiques éducatives,',
    'La Politique de la Ville.',
  ],
  housingAxes: [
    'le relogement des ménages locataires du parc des bailleurs sociaux dans le cadre des projets de renouvellement urbain,',
    'la résorption des situations de logement indigne,',
    "le logement des étudiants et l'accès aux droits,",
    'la gestion locative adaptée : Agence Immobilière Sociale (AIS),',
    "l'accueil des Gens du Voyage.",
  ],
  numericTargets: [
    {
      code: 'insalubrious_dwellings_per_year',
      label: 'Logements insalubres pris en charge par an',
      value: 6,
      unit: 'logements',
      period: 'year',
      years: [2016],
      responsibleOrgCode: 'cu-grand-dijon',
      approximate: false,
      sourceRef: 'Article 2.2',
      printed:
        'la reconduction, en 2016, des objectifs, à savoir la prise en charge par an de 6 logements insalubres et 25 logements non décents',
    },
    {
      code: 'non_decent_dwellings_per_year',
      label: 'Logements non décents pris en charge par an',
      value: 25,
      unit: 'logements',
      period: 'year',
      years: [2016],
      responsibleOrgCode: 'cu-grand-dijon',
      approximate: false,
      sourceRef: 'Article 2.2',
      printed:
        'la reconduction, en 2016, des objectifs, à savoir la prise en charge par an de 6 logements insalubres et 25 logements non décents',
    },
    {
      code: 'rehoused_households',
      label: 'Ménages bénéficiant d’une prise en charge spécifique de relogement sur 2016-2017',
      value: 220,
      unit: 'ménages',
      period: 'agreement_period',
      years: [2016, 2017],
      responsibleOrgCode: 'cu-grand-dijon',
      approximate: false,
      sourceRef: 'Article 2.1',
      printed:
        'Ainsi, sur la période 2016 - 2017, 220 ménages vont bénéficier d\'une prise en charge spécifique en termes de relogement, organisée en interne par les bailleurs sociaux.',
    },
    {
      code: 'observed_municipalities',
      label: 'Communes couvertes par les données de la CAF',
      value: 24,
      unit: 'communes',
      period: 'agreement_period',
      years: [2016, 2017],
      responsibleOrgCode: 'caf-21',
      approximate: false,
      sourceRef: 'Article 1er',
      printed:
        "les données actualisées portant sur la connaissance des populations allocataires résidant dans les 24 Communes de l'agglomération, dont les 7 quartiers de la Politique de la ville (5 territoires prioritaires et 2 territoires de veilles).",
    },
    {
      code: 'city_policy_neighbourhoods',
      label: 'Quartiers de la politique de la ville (5 prioritaires + 2 de veille)',
      value: 7,
      unit: 'quartiers',
      period: 'agreement_period',
      years: [2016, 2017],
      responsibleOrgCode: 'caf-21',
      approximate: false,
      sourceRef: 'Article 1er',
      printed: 'dont les 7 quartiers de la Politique de la ville (5 territoires prioritaires et 2 territoires de veilles)',
    },
    {
      code: 'second_large_passage_area_capacity',
      label: 'Seconde aire de grand passage réalisée en 2016 (caravanes)',
      value: 80,
      unit: 'caravanes',
      period: 'one_off',
      years: [2016],
      responsibleOrgCode: 'cu-grand-dijon',
      approximate: false,
      sourceRef: 'Article 2.5',
      printed: "Une seconde aire de grand passage d'une capacité de 80 caravanes sera réalisée en 2016.",
    },
    {
      code: 'adapted_housing_saint_apollinaire',
      label: 'Habitat adapté à Saint-Apollinaire livré en 2017 (pavillons)',
      value: 14,
      unit: 'pavillons',
      period: 'one_off',
      years: [2017],
      responsibleOrgCode: 'cu-grand-dijon',
      approximate: false,
      sourceRef: 'Article 2.5',
      printed: 'une opération de 14 pavillons à Saint-Apollinaire dont la livraison interviendra en 2017.',
    },
  ],
  rehousing: {
    sourceRef: 'Article 2.1',
    printedTotalHouseholds: 220,
    period: '2016-2017',
    printed:
      'Ainsi, sur la période 2016 - 2017, 220 ménages vont bénéficier d\'une prise en charge spécifique en termes de relogement, organisée en interne par les bailleurs sociaux.',
    operations: [
      {
        name: 'Immeubles Stalingrad et Réaumur',
        landlord: 'Dijon Habitat',
        commune: 'Dijon',
        households: 50,
        approximate: true,
        printed:
          'Immeubles Stalingrad et Réaumur - Dijon Habitat - à Dijon : relogement en cours – environ 50 restant à réaliser d\'ici mai 2016 ;',
      },
      {
        name: 'Tour Renan',
        landlord: 'Orvitis',
        commune: 'Chenôve',
        households: 33,
        approximate: true,
        printed: 'Tour Renan – Orvitis – à Chenôve : environ 33 ménages à reloger ;',
      },
      {
        name: 'Immeuble Rue des Huches',
        landlord: 'SCIC HABITAT Bourgogne',
        commune: 'Quetigny',
        households: 40,
        approximate: false,
        printed:
          'Immeuble Rue des Huches - SCIC HABITAT Bourgogne - à Quetigny : 40 ménages dont le relogement a été engagé en 2015 ;',
      },
      {
        name: 'Quartier Guynemer',
        landlord: 'ORVITIS',
        commune: 'Longvic',
        households: null,
        approximate: false,
        printed: 'Quartier Guynemer - ORVITIS - à Longvic : étude urbaine en cours (nombre de relogements à définir).',
      },
    ],
  },
};
