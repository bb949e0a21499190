// The baseline of the start/memory and page-weight benchmarks: the smallest App Router app that
// does what /login does in kind (a dynamically rendered page with a client form that posts to a
// server action), built with this repository's own next/react so only the portal's code differs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// In the repository's gitignored .data/ with a hard-linked copy of its node_modules (same file
// system, about a second): no install, and no symlinked node_modules, which Turbopack rejects.
export const MINIMAL_APP_DIR = path.join(process.cwd(), '.data', 'bench-minimal-app');

/** The pages both apps serve in the request mix (the minimal app mirrors the portal's paths). */
export const MINIMAL_APP_PATHS = ['/login', '/password-forgotten'] as const;

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bench-minimal-app', private: true, type: 'module' }, null, 2),
  // Its own root: otherwise Turbopack takes the repository (package-lock.json) as the root and
  // builds the portal's instrumentation.ts into the baseline.
  'next.config.mjs': `const root = import.meta.dirname;
export default { poweredByHeader: false, reactStrictMode: true, turbopack: { root }, outputFileTracingRoot: root };
`,
  // Same shape as the portal's server.mjs (node:http around Next's handler, one process), so the
  // start time and RSS compare like with like.
  'server.mjs': `import { createServer } from 'node:http';
import next from 'next';

const index = process.argv.indexOf('-p');
const port = Number(index >= 0 ? process.argv[index + 1] : 3000);
const hostname = '127.0.0.1';
const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();
createServer((request, response) => handle(request, response)).listen(port, hostname, () => {
  console.log(\`minimal app listening on http://\${hostname}:\${port}\`);
});
`,
  'app/layout.jsx': `export const metadata = { title: 'Minimal app' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  // The portal has an icon too; without one the browser's favicon request is a 404 in the console.
  'app/icon.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#1d4ed8"/></svg>\n`,
  'app/actions.js': `'use server';

export async function submitName(_previous, formData) {
  const name = String(formData.get('name') ?? '');
  return { message: name ? 'Hello ' + name.slice(0, 50) : 'Name missing' };
}
`,
  'app/name-form.jsx': `'use client';

import { useActionState } from 'react';

export function NameForm({ action }) {
  const [state, formAction, isPending] = useActionState(action, { message: '' });
  return (
    <form action={formAction}>
      <label htmlFor="name">Name</label>
      <input id="name" name="name" />
      <button type="submit" disabled={isPending}>Send</button>
      <p aria-live="polite">{state.message}</p>
    </form>
  );
}
`,
};

// Both pages render per request, as every portal page does (its layout reads the CSP nonce).
for (const route of MINIMAL_APP_PATHS) {
  FILES[`app${route}/page.jsx`] = `import { connection } from 'next/server';
import { submitName } from '../actions';
import { NameForm } from '../name-form';

export default async function Page() {
  await connection();
  return (
    <main>
      <h1>${route.slice(1)}</h1>
      <NameForm action={submitName} />
    </main>
  );
}
`;
}

/** Writes the app afresh (any earlier build is removed) with node_modules hard-linked from the repository's. */
export function writeMinimalApp(dir = MINIMAL_APP_DIR): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  execFileSync('cp', ['-al', path.join(process.cwd(), 'node_modules'), path.join(dir, 'node_modules')]);
}
