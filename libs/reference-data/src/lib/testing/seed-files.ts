/**
 * Test-only helpers: locate and read the raw source documents in `<workspace>/../shared/seeds`.
 * Not exported from the library entry point.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Walks up from `start` to the directory holding `nx.json`. */
export function findWorkspaceRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`nx.json introuvable au-dessus de ${start}`);
    dir = parent;
  }
}

export function seedsDir(start: string): string {
  return join(findWorkspaceRoot(start), '..', 'shared', 'seeds');
}

/** Reads the seed whose file name starts with `prefix` (e.g. "001_"). */
export function readSeed(start: string, prefix: string): string {
  const dir = seedsDir(start);
  const matches = readdirSync(dir).filter((name) => name.startsWith(prefix) && name.endsWith('.txt'));
  if (matches.length !== 1) throw new Error(`Un seul document ${prefix}* attendu dans ${dir}, trouvé : ${matches.join(', ')}`);
  return readFileSync(join(dir, matches[0] as string), 'utf8');
}

/** Whitespace collapsed and simple HTML markup removed, to look for printed sentences. */
export function flattenText(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
