import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

const ROOT = resolve(__dirname, '../../../..');

/**
 * A worker thread running `source` (a worker entry of the API) from its TypeScript sources through
 * ts-node, with the workspace's path aliases: the built app runs the webpack bundle of the same entry.
 */
export function workerFromSources(source: string): Worker {
  const paths = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;
  const code = `
    require('ts-node').register({
      transpileOnly: true,
      project: ${JSON.stringify(join(ROOT, 'tsconfig.base.json'))},
      compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', esModuleInterop: true },
    });
    require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(ROOT)}, paths: ${JSON.stringify(paths)} });
    require(${JSON.stringify(source)});`;
  return new Worker(code, { eval: true });
}

/** Longest delay of a 5 ms timer while `work` runs: how long the event loop was blocked. */
export async function maxEventLoopGap(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(max, performance.now() - last);
}
