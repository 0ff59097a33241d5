import type { Role } from './policy';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  operator: 'Opérateur',
  pilot: 'Pilote',
  funder: 'Financeur (COPIL)',
  monitoring_committee: 'Comité de suivi',
  admin: 'Administrateur',
};
