import type { Role } from '@sdat/api-types';

/**
 * What each role may open in the dashboard — the same split as the API's route policies
 * (apps/api/src/auth/policy.ts): every role but the admin reads programme data, within the scope of
 * its organisation (the API filters the lists and answers 403 outside it); the admin manages the
 * accounts and reads the audit log, and sees no programme data.
 */
export type Area = 'home' | 'programmes' | 'comparison' | 'agreements' | 'findings' | 'reports' | 'imports' | 'administration';

const PROGRAMME_READERS: readonly Role[] = ['operator', 'pilot', 'funder', 'monitoring_committee'];

export const AREA_ROLES: Readonly<Record<Area, readonly Role[]>> = {
  home: PROGRAMME_READERS,
  programmes: PROGRAMME_READERS,
  comparison: PROGRAMME_READERS,
  agreements: PROGRAMME_READERS,
  findings: PROGRAMME_READERS,
  reports: PROGRAMME_READERS,
  // Templates, uploads and versions: the operator loads the data of its programmes.
  imports: ['operator'],
  administration: ['admin'],
};

export function canSee(role: Role, area: Area): boolean {
  return AREA_ROLES[area].includes(role);
}

export interface NavItem {
  to: string;
  label: string;
  /** Current only on this exact address (the home page). */
  end: boolean;
  area: Area;
}

const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Accueil', end: true, area: 'home' },
  { to: '/dispositifs', label: 'Dispositifs', end: false, area: 'programmes' },
  { to: '/comparaison', label: 'Comparaison', end: false, area: 'comparison' },
  { to: '/conventions', label: 'Conventions', end: false, area: 'agreements' },
  { to: '/ecarts', label: 'Écarts relevés', end: false, area: 'findings' },
  { to: '/rapports', label: 'Rapports', end: false, area: 'reports' },
  { to: '/imports', label: 'Imports', end: false, area: 'imports' },
  { to: '/administration', label: 'Administration', end: false, area: 'administration' },
];

/** The entries of the main navigation for a role, in display order. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => canSee(role, item.area));
}

/** Where a role lands after signing in when it was going nowhere in particular. */
export function homePathFor(role: Role): string {
  return role === 'admin' ? '/administration' : '/';
}
