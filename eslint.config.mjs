import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

// Drizzle safety (no `db.update()`/`db.delete()` without `.where()`, as create-t3-app does) needs
// eslint-plugin-drizzle, which we do not ship; code review and the integration tests cover it for now.

/** @type {import('eslint').Linter.Config[]} */
const config = [
  {
    ignores: ['.next/**', '.data/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'db/migrations/**', 'next-env.d.ts'],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    // `_name` marks a parameter a signature requires but the body does not use (e.g. a server
    // action's `(previousState, formData)`).
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Domain logic under lib/ is called by auth.ts (Auth.js), app/, scripts and jest directly;
    // importing Next.js or next-auth there would drag the framework into every unit and
    // integration test. Requests and responses in lib/ are the web standard's Request/Response;
    // what Next adds (NextResponse, redirect, cookies) stays in app/, proxy.ts and auth.ts.
    files: ['lib/**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next', message: 'Keep lib/ framework-free: Next.js belongs in app/, proxy.ts and auth.ts.' },
            { name: 'next-auth', message: 'Keep lib/ framework-free: call lib/ from auth.ts or app/, not next-auth from lib/.' },
          ],
          patterns: [
            { group: ['next/*'], message: 'Keep lib/ framework-free: Next.js belongs in app/, proxy.ts and auth.ts.' },
            {
              group: ['next-auth/*', '@auth/*'],
              message: 'Keep lib/ framework-free: call lib/ from auth.ts or app/, not next-auth from lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // db/ is the bottom layer (schema, client, migrations, demo data): it depends on nothing in
    // lib/. Its connection settings live in db/database-settings.ts; the seed is handed the
    // password hashing and secret encryption it needs.
    files: ['db/**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib', '@/lib/*', '**/lib', '**/lib/*'], message: 'db/ depends on nothing in lib/: move what it needs into db/, or pass it in.' }] },
      ],
    },
  },
  {
    // Not React code: jest helpers such as `useTestDatabase()` follow the `use…` naming of test
    // fixtures, which the hooks rule mistakes for React hooks. tests/components keeps the rule.
    files: ['tests/{unit,integration,e2e,support}/**', 'scripts/**', 'db/**'],
    rules: {
      'react-hooks/rules-of-hooks': 'off',
    },
  },
];

export default config;
