import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextJest from 'next/jest.js';

// Browser suite: real Chromium against `next start` of the production build, one database per run.
// Run with `npm run test:e2e` (which passes --runInBand: one browser, one server, tests in order).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// next/jest only for its SWC transform of TypeScript (and the `server-only` stub).
const createJestConfig = nextJest({ dir: repoRoot });

const config = await createJestConfig({
  rootDir: repoRoot,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  moduleNameMapper: {
    '^server-only$': '<rootDir>/tests/support/empty-module.cjs',
    '^@/(.*)$': '<rootDir>/$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/.next/', '<rootDir>/.data/'],
  setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/after-each-file.ts'],
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  // Generous: bcrypt at cost 10, waiting for the next TOTP step (up to 30 s), a cold server.
  testTimeout: 120_000,
  slowTestThreshold: 30,
  maxWorkers: 1,
})();

export default config;
