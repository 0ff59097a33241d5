// Named *.e2e.config so the Nx vitest plugin does not infer a unit "test" target from it: these run as the e2e target, after the builds.
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import { defineConfig } from 'vitest/config';

/** Browser tests: the built app (API + dashboard on one port) driven by Debian's Chromium. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [nxViteTsPaths()],
  test: {
    name: 'dashboard-e2e',
    globals: true,
    environment: 'node',
    include: ['src/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
