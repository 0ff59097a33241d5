/**
 * Coded values of the activity data (support episodes, referrals), with the French label users
 * read. One list per field: the import templates' drop-downs, the validation of imported files
 * and the labels of indicator breakdowns all come from here.
 */
export interface CodeListItem {
  code: string;
  label: string;
}

export const AGE_BANDS: readonly CodeListItem[] = [
  { code: '18-24', label: '18 à 24 ans' },
  { code: '25-34', label: '25 à 34 ans' },
  { code: '35-44', label: '35 à 44 ans' },
  { code: '45-54', label: '45 à 54 ans' },
  { code: '55-64', label: '55 à 64 ans' },
  { code: '65+', label: '65 ans et plus' },
];

export const HOUSEHOLD_SITUATIONS: readonly CodeListItem[] = [
  { code: 'personne_seule', label: 'Personne seule' },
  { code: 'couple_sans_enfant', label: 'Couple sans enfant' },
  { code: 'famille_monoparentale', label: 'Famille monoparentale' },
  { code: 'couple_avec_enfants', label: 'Couple avec enfant(s)' },
];

export const REFERRERS: readonly CodeListItem[] = [
  { code: 'ccas_dijon', label: 'CCAS de Dijon' },
  { code: 'ccas_chenove', label: 'CCAS de Chenôve' },
  { code: 'siao', label: 'SIAO' },
  { code: 'conseil_departemental', label: 'Conseil départemental (ESCO)' },
  { code: 'bailleur_social', label: 'Bailleur social' },
  { code: 'secteur_psychiatrique', label: 'Secteur psychiatrique / soins' },
  { code: 'autre', label: 'Autre prescripteur' },
];

/** Decisions of the coordination commission (annexe 4, art. 4-5). */
export const REFERRAL_DECISIONS: readonly CodeListItem[] = [
  { code: 'accord', label: 'Accord' },
  { code: 'accord_waiting_list', label: "Accord avec liste d'attente" },
  { code: 'adjournment', label: 'Ajournement' },
  { code: 'rejection', label: 'Rejet' },
];

/** Service taking over at the end of an episode (relais). */
export const HANDOVERS: readonly CodeListItem[] = [
  { code: 'droit_commun_ccas', label: 'Droit commun — CCAS' },
  { code: 'service_social_departemental', label: 'Service social départemental' },
  { code: 'siao', label: 'SIAO' },
  { code: 'soins_cmp', label: 'Soins — CMP' },
  { code: 'samsah_savs', label: 'SAMSAH / SAVS' },
  { code: 'logement_accompagne', label: 'Logement accompagné' },
  { code: 'autre_dispositif', label: 'Autre dispositif' },
  { code: 'sans_relais', label: 'Sans relais (fin de suivi)' },
  { code: 'perdu_de_vue', label: 'Perdu de vue' },
];

/** Hand-overs that are not a hand-over to another service. */
export const NO_HANDOVER_CODES: readonly string[] = ['sans_relais', 'perdu_de_vue'];

export const EPISODE_KINDS: readonly CodeListItem[] = [
  { code: 'follow_up', label: 'Suivi' },
  { code: 'co_evaluation', label: 'Co-évaluation' },
];

export const COMMUNES: readonly CodeListItem[] = [
  { code: 'Dijon', label: 'Dijon' },
  { code: 'Chenôve', label: 'Chenôve' },
  { code: 'Talant', label: 'Talant' },
  { code: 'Quetigny', label: 'Quetigny' },
  { code: 'Longvic', label: 'Longvic' },
  { code: 'Autre commune de la Métropole', label: 'Autre commune de la Métropole' },
];

/**
 * Job titles (qualifications) of the staff tables, by the `jobCode` of the annexes' staff lines
 * (`data/programmes.ts`), plus `other` for a job the annexes do not name (its title says which).
 */
export const JOB_TITLES: readonly CodeListItem[] = [
  { code: 'deputy-director', label: 'Directeur adjoint' },
  { code: 'head-of-unit', label: 'Responsable de pôle' },
  { code: 'middle-manager', label: 'Cadre intermédiaire (adjoint de direction, chef de service)' },
  { code: 'head-of-service', label: 'Chef de service' },
  { code: 'social-worker', label: 'Travailleur social / intervenant social' },
  { code: 'educational-staff', label: 'Personnel éducatif' },
  { code: 'nurse', label: 'Infirmier / infirmière' },
  { code: 'psychologist', label: 'Psychologue' },
  { code: 'administrative', label: 'Personnel administratif' },
  { code: 'future-job-contract-and-reinforcement', label: "Emploi d'avenir et temps de renfort" },
  { code: 'other', label: 'Autre fonction (préciser le libellé)' },
];

/** French label of a code, or the code itself when the list does not know it. */
export function labelOf(list: readonly CodeListItem[], code: string | null | undefined): string {
  if (code === null || code === undefined) return 'Non renseigné';
  return list.find((i) => i.code === code)?.label ?? code;
}
