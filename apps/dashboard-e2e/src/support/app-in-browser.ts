import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBuiltApp, type RunningServer } from './app-server';
import { launchChromium } from './browser';
import { signInThroughLoginPage } from './session';

export interface AppInBrowser {
  /** Address of the running app (after beforeAll). */
  readonly url: string;
  /** A fresh browser session (own cookies) signed in as `email` through the login page, landing on `path`. */
  signIn(email: string, path?: string): Promise<Page>;
}

/**
 * The built app (started as `npm start` does) and Debian's Chromium for the tests of one spec file:
 * started before them, every browser session closed after them. Sessions are 1366 px wide (the
 * laptop of a COPIL meeting); bypassCSP only lets the tests inject axe-core, the app's own CSP stays strict.
 */
export function useAppInBrowser(): AppInBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startBuiltApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });
  const running = () => {
    if (server === undefined || browser === undefined) throw new Error("L'application ou le navigateur n'est pas démarré (beforeAll).");
    return { server, browser };
  };
  return {
    get url() {
      return running().server.url;
    },
    async signIn(email, path = '/') {
      const { server: app, browser: chromium } = running();
      const context = await chromium.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      await signInThroughLoginPage(page, app.url, email, { path });
      return page;
    },
  };
}
