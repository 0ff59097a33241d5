import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { workspaceRoot } from './app-server';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  const msg = `\n[dashboard-e2e] Chromium absent (${CHROMIUM_PATH}) : tests navigateur IGNORÉS. Installer : apt-get install -y chromium\n`;
  // In CI a missing browser is an error, never a silent skip.
  if (process.env['CI']) throw new Error(msg);
  process.stderr.write(msg);
}

/** Debian's Chromium through playwright-core; never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const artifactsDir = join(workspaceRoot, 'test-artifacts', 'e2e');
mkdirSync(artifactsDir, { recursive: true });
