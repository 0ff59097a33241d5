#!/usr/bin/env node
// Initial JavaScript of the built dashboard, gzip: the entry scripts and the module preloads that
// index.html names (chart code is lazy-loaded and not counted). Fails above the budget.
//   node tools/check-bundle-size.mjs [dist dir] [--budget-kb 250] [--json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist/apps/dashboard';
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 250;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = [
  ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
];
if (files.length === 0) {
  console.error(`Aucun script d'entrée trouvé dans ${join(dir, 'index.html')}.`);
  process.exit(1);
}
const rows = files.map((file) => {
  const bytes = readFileSync(join(dir, file.replace(/^\//, '')));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const result = { dir, budgetKb, initialJsGzipBytes: total, initialJsGzipKb: Math.round((total / 1024) * 10) / 10, files: rows };
if (args.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  for (const r of rows) console.log(`${r.file}  ${(r.bytes / 1024).toFixed(1)} kB, gzip ${(r.gzip / 1024).toFixed(1)} kB`);
  console.log(`JavaScript initial (gzip) : ${result.initialJsGzipKb} kB — budget ${budgetKb} kB`);
}
if (total > budgetKb * 1024) {
  console.error(`Budget dépassé : ${result.initialJsGzipKb} kB > ${budgetKb} kB.`);
  process.exit(1);
}
