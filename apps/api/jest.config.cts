/* Jest for the API: unit specs next to the code (src/**\/*.spec.ts) and integration specs in
 * test/ that start the whole Nest application against a real PostgreSQL (embedded or server). */
module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // jose v6 is ESM-only: Node ≥ 20.19 require()s it at run time, jest needs it turned into CommonJS.
    '^.+/node_modules/jose/.+\\.js$': '<rootDir>/test/support/esm-to-commonjs.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@sdat/(.*)$': '<rootDir>/../../libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
  coverageDirectory: '../../coverage/apps/api',
};
