import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (see README "Architecture"):
 * - type:domain libs are framework-free: they may only import other domain libs and
 *   may never import Nest, TypeORM, pg, React or ECharts' runtime.
 * - the dashboard (scope:web) may not import the API (scope:api) and vice versa.
 */
const frameworkPackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'react',
  'react-dom',
  'react-router-dom',
  '@tanstack/*',
  'express',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
      "ignores": [
        "**/dist",
        "**/out-tsc",
        "**/vitest.config.*.timestamp*",
        "**/vite.config.*.timestamp*",
        ".data/**",
        "bench/results/**"
      ]
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworkPackages,
            },
            { sourceTag: 'scope:web', notDependOnLibsWithTags: ['scope:api'] },
            { sourceTag: 'scope:api', notDependOnLibsWithTags: ['scope:web'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // Domain libs may describe ECharts options with ECharts' types, never load ECharts itself.
    files: ['libs/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['echarts', 'echarts/*'], allowTypeImports: true, message: 'Domain libs only build ECharts options; import types only.' }] },
      ],
    },
  },
];
