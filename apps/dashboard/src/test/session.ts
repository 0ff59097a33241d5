import { ROLE_LABELS, type DemoAccountView, type Role, type SessionUser } from '@sdat/api-types';

const ALL_PROGRAMMES = ['acor-centre-ville', 'acor-dijon-metropole', 'emas'];

/** `GET /api/auth/me` of a demo account of `role` (the operator by default in the component tests). */
export function sessionUser(role: Role = 'operator', overrides: Partial<SessionUser> = {}): SessionUser {
  const byRole: Record<Role, Pick<SessionUser, 'email' | 'displayName' | 'organisation' | 'programmes' | 'agreements'>> = {
    operator: {
      email: 'operateur@demo.sdat.fr',
      displayName: 'Opératrice SDAT',
      organisation: { code: 'sdat', name: 'SDAT' },
      programmes: ALL_PROGRAMMES,
      agreements: ['convention-cadre-sdat-2022'],
    },
    pilot: {
      email: 'pilote.ccas@demo.sdat.fr',
      displayName: 'Pilote CCAS de Dijon',
      organisation: { code: 'ccas-dijon', name: 'CCAS de Dijon' },
      programmes: ['acor-centre-ville'],
      agreements: ['convention-cadre-sdat-2022'],
    },
    funder: {
      email: 'financeur.ville@demo.sdat.fr',
      displayName: 'Membre du COPIL (Ville de Dijon)',
      organisation: { code: 'ville-dijon', name: 'Ville de Dijon' },
      programmes: ['acor-centre-ville', 'emas'],
      agreements: ['convention-cadre-sdat-2022'],
    },
    monitoring_committee: {
      email: 'suivi.prefet@demo.sdat.fr',
      displayName: 'Comité de suivi (préfet)',
      organisation: { code: 'etat', name: 'État' },
      programmes: ALL_PROGRAMMES,
      agreements: ['convention-cadre-sdat-2022'],
    },
    admin: {
      email: 'admin@demo.sdat.fr',
      displayName: 'Administratrice',
      organisation: { code: 'sdat', name: 'SDAT' },
      programmes: [],
      agreements: [],
    },
  };
  return {
    ...byRole[role],
    role,
    roleLabel: ROLE_LABELS[role],
    smallCountsMasked: role !== 'operator',
    csrfToken: `jeton-${role}`,
    demoMode: false,
    ...overrides,
  };
}

export const demoAccounts: DemoAccountView[] = [
  {
    email: 'operateur@demo.sdat.fr',
    password: 'demonstration',
    role: 'operator',
    roleLabel: 'Opérateur',
    organisation: 'sdat',
    organisationName: "Société Dijonnaise de l'Assistance par le Travail (SDAT)",
    description: 'Opérateur : saisit et importe les données des dispositifs de la SDAT, soumet les bilans',
  },
  {
    email: 'pilote.ccas@demo.sdat.fr',
    password: 'demonstration',
    role: 'pilot',
    roleLabel: 'Pilote',
    organisation: 'ccas-dijon',
    organisationName: 'CCAS de Dijon',
    description: 'Pilote : contrôle et valide les bilans des dispositifs pilotés par le CCAS de Dijon',
  },
  {
    email: 'admin@demo.sdat.fr',
    password: 'demonstration',
    role: 'admin',
    roleLabel: 'Administrateur',
    organisation: 'sdat',
    organisationName: "Société Dijonnaise de l'Assistance par le Travail (SDAT)",
    description: "Administrateur : gère les comptes et lit le journal d'audit (aucune donnée d'accompagnement)",
  },
];
