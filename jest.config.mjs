import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

const shared = {
  moduleNameMapper: {
    '^server-only$': '<rootDir>/tests/support/empty-module.cjs',
    '^@/(.*)$': '<rootDir>/$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/.data/'],
};

const unit = await createJestConfig({
  ...shared,
  displayName: 'unit',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
})();

const components = await createJestConfig({
  ...shared,
  displayName: 'components',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/components-setup.ts'],
})();

const integration = await createJestConfig({
  ...shared,
  displayName: 'integration',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
  setupFiles: ['<rootDir>/tests/support/integration-env.ts'],
})();

// next-intl and its helpers, and jose (the ID token check), ship ESM only; jest (CommonJS) must transform them. next/jest's
// own ignore pattern would skip all of node_modules, so it is replaced here.
const esmPackages = ['next-intl', 'use-intl', 'icu-minify', '@formatjs', 'intl-messageformat', '@schummar', 'jose'];
// The email worker's translator (use-intl) runs in unit and integration tests too.
for (const project of [unit, components, integration]) {
  project.transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`, '^.+\\.module\\.(css|sass|scss)$'];
}

/** @type {import('jest').Config} */
const config = {
  projects: [unit, components, integration],
  // One embedded (or configured) PostgreSQL for the whole run; each integration test file
  // gets its own database cloned from a migrated template (tests/support/test-database.ts).
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 30000,
};

export default config;
