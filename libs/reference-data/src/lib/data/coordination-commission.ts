import type { CoordinationCommission } from '../types';

/** Annexe 4 of the convention cadre 2022: rules of the coordination commission (CCA). */
export const coordinationCommission: CoordinationCommission = {
  agreementCode: 'convention-cadre-sdat-2022',
  annex: 4,
  name: 'Commission de Coordination des Accompagnements',
  approvedOn: '2022-06-28',
  coAnimatorOrgCodes: ['dijon-metropole', 'siao-21'],
  secretariatOrgCode: 'siao-21',
  meetingRulePrinted:
    'La commission se réunit une fois par mois, majoritairement chaque dernier mardi du mois. Le secrétariat établit un calendrier annuel des séances de la commission.',
  convocationDaysBefore: 10,
  referralFormDaysBefore: 15,
  referralEmail: 'ccadijonmetropole@adefo.asso.fr',
  measures: [
    'Mesure : ACOR Dijon Métropole',
    'Mesure : Accompagnement social lié au logement (ASLL)',
    "Mesure : Logement d'Abord (LDA),",
    'Mesure : Equipe Mutualisée ACODEGE-SDAT (EMAS),',
    'Mesure : CHRS Hors les murs.',
    'Mesure/ Place : Pension de famille',
  ],
  decisions: [
    'accord',
    'accord avec liste d\'attente',
    "ajournement pour complément d'information ou absence du pilote",
    'rejet',
  ],
  permanentMembers: [
    'Représentantes de Dijon Métropole (Cheffe de service Insertion Logement ou/ et la référente technique FSL)',
    "Représentants du service intégré d'accueil et d'orientation (SIAO-115) : Responsable ou chargé de mission et secrétaire de la commission.",
    'Coordinatrice du Contrat Local de Santé Ville de Dijon – Dijon Métropole',
    "Représentant de la Direction Départementale de l'Emploi, du Travail et des Solidarités (DDETS),",
    "Coordinatrice de l'UDCCAS 21",
    'Représentants de chaque bailleur public du territoire Dijon Métropole : CDC Habitat, GRAND DIJON HABITAT, HABELLIS et ICF, ORVITIS,',
    "Représentants des Opérateurs : Associations SDAT, ADEFO, ACODEGE, Le Renouveau et 2 Choses l'une",
    'Représentantes du Conseil départemental (2 cadres d\'appui à la transversalité Agence Dijon et Talant-Chenove),',
  ],
  firstReviewAfterMonths: 4,
};
