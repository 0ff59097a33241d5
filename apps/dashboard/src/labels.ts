import { ROLE_LABELS, type Basis, type ObligationStatus, type ReconciliationFindingView, type Role } from '@sdat/api-types';

/** French labels of the codes the API returns. Unknown codes are shown as they are. */

function lookup(table: Record<string, string>, code: string): string {
  return Object.prototype.hasOwnProperty.call(table, code) ? (table[code] ?? code) : code;
}

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = {
  a_venir: 'à venir',
  en_retard: 'en retard',
  remis: 'remis',
  valide: 'validé',
  sans_date: 'sans date',
};

export function obligationStatusLabel(status: ObligationStatus): string {
  return lookup(OBLIGATION_STATUS_LABELS, status);
}

const OBLIGATION_KINDS: Record<string, string> = {
  forecast_budget: 'Budget prévisionnel',
  annual_report: 'Bilan qualitatif et financier',
  technical_committee: 'Comité technique de suivi',
  steering_committee: 'Comité de pilotage',
  monitoring_committee: 'Comité de suivi',
  execution_report: "Rapport d'exécution",
  coordination_meeting: 'Réunion de coordination',
  coordination_commission: 'Commission de coordination des accompagnements',
  social_life_fund_review: 'Bilan du Fonds de Vie Sociale',
  evaluation: 'Évaluation',
  progress_review: "Point d'étape",
  annual_calendar: 'Calendrier annuel',
  information_session: "Réunion d'information",
};

export function obligationKindLabel(kind: string): string {
  return lookup(OBLIGATION_KINDS, kind);
}

const AGREEMENT_KINDS: Record<string, string> = {
  framework_agreement: 'Convention cadre',
  solidarity_pact: 'Pacte de solidarité',
  partnership_agreement: 'Convention de partenariat',
};

export function agreementKindLabel(kind: string): string {
  return lookup(AGREEMENT_KINDS, kind);
}

const RENEWAL_KINDS: Record<string, string> = {
  none: 'Pas de reconduction',
  tacit: 'Reconduction tacite',
  renewable_once: 'Renouvelable une fois',
};

export function renewalKindLabel(kind: string): string {
  return lookup(RENEWAL_KINDS, kind);
}

const SIGNATORY_ROLES: Record<string, string> = {
  funder: 'Financeur',
  operator: 'Opérateur',
  beneficiary: 'Bénéficiaire',
  partner: 'Partenaire',
};

export function signatoryRoleLabel(role: string): string {
  return lookup(SIGNATORY_ROLES, role);
}

export function pilotRoleLabel(role: 'pilot' | 'co_pilot'): string {
  return role === 'pilot' ? 'pilote' : 'co-pilote';
}

const SEVERITIES: Record<ReconciliationFindingView['severity'], string> = {
  error: 'Erreur',
  warning: 'Avertissement',
  info: 'Information',
};

export function severityLabel(severity: ReconciliationFindingView['severity']): string {
  return lookup(SEVERITIES, severity);
}

export function basisLabel(basis: Basis): string {
  return basis === 'forecast' ? 'Budget prévisionnel' : 'Réalisé';
}

/** Basis as written in the page address: `?base=previsionnel` / `?base=realise`. */
export const BASIS_URL_VALUES: Record<Basis, string> = { forecast: 'previsionnel', actual: 'realise' };

export function basisFromUrl(value: string | null): Basis | null {
  if (value === 'previsionnel') {
    return 'forecast';
  }
  if (value === 'realise') {
    return 'actual';
  }
  return null;
}

/** Units of the capacity targets and agreement targets, in the plural. */
const UNITS: Record<string, [singular: string, plural: string]> = {
  follow_ups: ['suivi', 'suivis'],
  persons: ['personne', 'personnes'],
  co_evaluations: ['co-évaluation', 'co-évaluations'],
  measures: ['mesure', 'mesures'],
  posts: ['poste', 'postes'],
  fte: ['ETP', 'ETP'],
  places: ['place', 'places'],
  percent: ['%', '%'],
};

/** French unit for a quantity: `unitLabel('posts', 8)` → `postes`. Singular below 2. */
export function unitLabel(unit: string, quantity: number): string {
  const entry = UNITS[unit];
  if (entry === undefined) {
    return unit;
  }
  return Math.abs(quantity) < 2 ? entry[0] : entry[1];
}

/** "primes Ségur" (by kind; the API's label is the note as printed). */
export { earmarkKindLabel as earmarkLabel } from '@sdat/charts';

/** French names of the roles: one definition with the API (@sdat/api-types). */
export { ROLE_LABELS };

export const ROLES: readonly Role[] = ['operator', 'pilot', 'funder', 'monitoring_committee', 'admin'];

export function roleLabel(role: string): string {
  return lookup(ROLE_LABELS, role);
}

/** Actions of the audit log (`GET /api/admin/audit`). Unknown codes are shown as they are. */
const AUDIT_ACTIONS: Record<string, string> = {
  login_succeeded: 'Connexion',
  login_failed: 'Échec de connexion',
  oidc_subject_linked: 'Compte associé au fournisseur d’identité',
  logout: 'Déconnexion',
  authorization_denied: 'Accès refusé',
  user_created: 'Compte créé',
  user_updated: 'Compte modifié',
  report_downloaded: 'Rapport téléchargé',
};

export function auditActionLabel(action: string): string {
  return lookup(AUDIT_ACTIONS, action);
}

const AUDIT_OBJECTS: Record<string, string> = {
  user: 'Compte',
  session: 'Session',
  programme: 'Dispositif',
  agreement: 'Convention',
  annual_report: 'Bilan annuel',
};

export function auditObjectLabel(objectType: string): string {
  return lookup(AUDIT_OBJECTS, objectType);
}
