import type { BrowserContext, Page } from 'playwright-core';

/** The one password of the demo accounts (public, listed on the login page in demo mode). */
export const DEMO_PASSWORD = 'demonstration';

export interface DemoAccount {
  email: string;
  /** As shown in the header: display name, organisation name, role label. */
  displayName: string;
  roleLabel: string;
  /** The main navigation the role gets, in order. */
  nav: string[];
}

const READER_NAV = ['Accueil', 'Dispositifs', 'Comparaison', 'Conventions', 'Écarts relevés', 'Rapports'];

/** The demo accounts (apps/api/src/auth/demo-accounts.ts), one per role, with what the dashboard shows them. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'operateur@demo.sdat.fr', displayName: 'Opératrice SDAT', roleLabel: 'Opérateur', nav: [...READER_NAV, 'Imports'] },
  { email: 'pilote.ccas@demo.sdat.fr', displayName: 'Pilote CCAS de Dijon', roleLabel: 'Pilote', nav: READER_NAV },
  { email: 'pilote.metropole@demo.sdat.fr', displayName: 'Pilote Dijon Métropole', roleLabel: 'Pilote', nav: READER_NAV },
  { email: 'financeur.ville@demo.sdat.fr', displayName: 'Membre du COPIL (Ville de Dijon)', roleLabel: 'Financeur (COPIL)', nav: READER_NAV },
  { email: 'suivi.prefet@demo.sdat.fr', displayName: 'Comité de suivi (préfet)', roleLabel: 'Comité de suivi', nav: READER_NAV },
  { email: 'admin@demo.sdat.fr', displayName: 'Administratrice', roleLabel: 'Administrateur', nav: ['Administration'] },
];

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((item) => item.email === email);
  if (account === undefined) throw new Error(`Compte de démonstration inconnu : ${email}`);
  return account;
}

/**
 * Signs in through the login page as a user would: the page the app sends a signed-out visitor to,
 * the demo account's « Utiliser ce compte » button (or the typed fields), « Se connecter ».
 * Resolves once the app shows the signed-in header.
 */
export async function signInThroughLoginPage(
  page: Page,
  baseUrl: string,
  email: string,
  options: { path?: string; typed?: boolean } = {},
): Promise<void> {
  await page.goto(`${baseUrl}${options.path ?? '/'}`);
  await page.waitForURL((url) => url.pathname === '/connexion');
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  if (options.typed) {
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  } else {
    await page.getByRole('button', { name: `Utiliser ce compte : ${email}` }).click();
  }
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor({ timeout: 30_000 });
}

/** A browser session (its own cookies) signed in as `email` through the login page. */
export async function signedInPage(context: BrowserContext, baseUrl: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await signInThroughLoginPage(page, baseUrl, email);
  return page;
}

/** Signs in through the API (no browser): the `Cookie` header of the session. */
export async function apiSessionCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`Connexion de ${email} refusée : ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((value) => value.startsWith('sdat_session='));
  if (cookie === undefined) throw new Error(`Connexion de ${email} : pas de cookie de session`);
  return cookie.split(';')[0] ?? cookie;
}

/** GET of the API with a session cookie; returns the parsed JSON, throws on a non-2xx answer. */
export async function apiGet<T>(baseUrl: string, cookie: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie, Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${path} : ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** GET of the API from the page (the browser session's cookie): the same session the screen uses. */
export async function pageGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) throw new Error(`GET ${url} : ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }, path);
}

/** Waits until the page has no loading message left (« Chargement… », role=status). */
export async function waitForLoaded(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('main .loading').length === 0, undefined, { timeout });
}
