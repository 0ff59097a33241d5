import type {
  AgeBand,
  EpisodeKind,
  HandoverCode,
  HouseholdSituation,
  ReferralDecision,
  ReferrerCode,
} from './types';

/** French labels of the codes used in the demo rows (for screens and reports). */
export const DEMO_LABELS: {
  kind: Record<EpisodeKind, string>;
  ageBand: Record<AgeBand, string>;
  householdSituation: Record<HouseholdSituation, string>;
  referrer: Record<ReferrerCode, string>;
  decision: Record<ReferralDecision, string>;
  handover: Record<HandoverCode, string>;
} = {
  kind: { follow_up: 'Suivi', co_evaluation: 'Co-évaluation' },
  ageBand: {
    '18-24': '18 à 24 ans',
    '25-34': '25 à 34 ans',
    '35-44': '35 à 44 ans',
    '45-54': '45 à 54 ans',
    '55-64': '55 à 64 ans',
    '65+': '65 ans et plus',
  },
  householdSituation: {
    personne_seule: 'Personne seule',
    couple_sans_enfant: 'Couple sans enfant',
    famille_monoparentale: 'Famille monoparentale',
    couple_avec_enfants: 'Couple avec enfant(s)',
  },
  referrer: {
    ccas_dijon: 'CCAS de Dijon',
    ccas_chenove: 'CCAS de Chenôve',
    siao: 'SIAO',
    conseil_departemental: 'Conseil départemental',
    bailleur_social: 'Bailleur social',
    secteur_psychiatrique: 'Secteur psychiatrique',
    autre: 'Autre prescripteur',
  },
  decision: {
    accord: 'Accord',
    accord_waiting_list: 'Accord avec liste d’attente',
    adjournment: 'Ajournement',
    rejection: 'Rejet',
  },
  handover: {
    droit_commun_ccas: 'Droit commun (CCAS)',
    service_social_departemental: 'Service social départemental',
    soins_cmp: 'Soins (CMP)',
    samsah_savs: 'SAMSAH / SAVS',
    logement_accompagne: 'Logement accompagné',
    autre_dispositif: 'Autre dispositif',
    sans_relais: 'Sans relais',
    perdu_de_vue: 'Perdu de vue',
  },
};
