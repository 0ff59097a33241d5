import type { DataSource } from 'typeorm';
import type { Role } from './policy';
import { hashPassword } from './auth.service';

export interface DemoAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organisationCode: string;
  /** What the account shows (login page, README). */
  description: string;
}

/** The one password of every demo account: they are public, listed on the login page. */
export const DEMO_PASSWORD = 'demonstration';

/**
 * argon2id hash of DEMO_PASSWORD with the library's defaults (64 MiB, t=3, p=4), computed once:
 * hashing the six accounts at every fresh start took 1-2 s of the start-up for a password that is
 * public anyway (docs/security.md). Real accounts are always hashed with their own salt.
 */
export const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=65536,p=4,t=3$DRLsUdVs+1s+jf6DZaXHVw$0Ky82vhBWJ/ldstb7wcDjZLUKgc2ZhaREGYow7YO19I';

/** One account per role, seeded only in demo mode (embedded database or DEMO_DATA=true). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'operateur@demo.sdat.fr',
    password: DEMO_PASSWORD,
    displayName: 'Opératrice SDAT',
    role: 'operator',
    organisationCode: 'sdat',
    description: "Opérateur : saisit et importe les données des dispositifs de la SDAT, soumet les bilans",
  },
  {
    email: 'pilote.ccas@demo.sdat.fr',
    password: DEMO_PASSWORD,
    displayName: 'Pilote CCAS de Dijon',
    role: 'pilot',
    organisationCode: 'ccas-dijon',
    description: 'Pilote : contrôle et valide les bilans des dispositifs pilotés par le CCAS de Dijon',
  },
  {
    email: 'pilote.metropole@demo.sdat.fr',
    password: DEMO_PASSWORD,
    displayName: 'Pilote Dijon Métropole',
    role: 'pilot',
    organisationCode: 'dijon-metropole',
    description: 'Pilote : dispositifs pilotés par Dijon Métropole',
  },
  {
    email: 'financeur.ville@demo.sdat.fr',
    password: DEMO_PASSWORD,
    displayName: 'Membre du COPIL (Ville de Dijon)',
    role: 'funder',
    organisationCode: 'ville-dijon',
    description: 'Financeur : consulte les tableaux de bord de ce que la Ville de Dijon finance (petits effectifs masqués)',
  },
  {
    email: 'suivi.prefet@demo.sdat.fr',
    password: DEMO_PASSWORD,
    displayName: 'Comité de suivi (préfet)',
    role: 'monitoring_committee',
    organisationCode: 'etat',
    description: "Comité de suivi : tous les dispositifs des conventions signées par l'État, comparaisons",
  },
  {
    email: 'admin@demo.sdat.fr',
    password: DEMO_PASSWORD,
    displayName: 'Administratrice',
    role: 'admin',
    organisationCode: 'sdat',
    description: "Administrateur : gère les comptes et lit le journal d'audit (aucune donnée d'accompagnement)",
  },
];

/** Creates the missing demo accounts (existing ones are left as they are). Returns how many were created. */
export async function seedDemoAccounts(ds: DataSource): Promise<number> {
  const existing: { email: string }[] = await ds.query('SELECT email FROM app_user WHERE email = ANY($1)', [DEMO_ACCOUNTS.map((a) => a.email)]);
  const have = new Set(existing.map((r) => r.email));
  const missing = DEMO_ACCOUNTS.filter((a) => !have.has(a.email));
  if (missing.length === 0) return 0;
  const hashes = await Promise.all(missing.map((a) => (a.password === DEMO_PASSWORD ? DEMO_PASSWORD_HASH : hashPassword(a.password))));
  await ds.transaction(async (manager) => {
    for (const [i, account] of missing.entries()) {
      const rows = await manager.query(
        `INSERT INTO app_user (email, display_name, role, password_hash, demo, organisation_id)
         SELECT $1, $2, $3, $4, true, o.id FROM organisation o WHERE o.code = $5
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [account.email, account.displayName, account.role, hashes[i], account.organisationCode],
      );
      if (rows.length === 0 && !(await manager.query('SELECT 1 FROM organisation WHERE code = $1', [account.organisationCode])).length) {
        throw new Error(`Compte de démonstration ${account.email} : organisation ${account.organisationCode} absente des données de référence.`);
      }
    }
  });
  return missing.length;
}
