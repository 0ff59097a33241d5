import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The code version of stored results (programme_year_result): the hash of the running bundle
 * (dist/apps/api/main.js), the same for every instance and command of one build and different for
 * the next build. Undefined when not running from a bundle (tests, ts-node): each process then has
 * one of its own (see processEngine).
 */
export function bundleEngine(): string | undefined {
  const bundle = process.argv[1];
  if (!bundle || !bundle.endsWith('.js') || !existsSync(bundle)) return undefined;
  return `bundle-${createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16)}`;
}
