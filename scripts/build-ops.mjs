// Part of `npm run build`: bundles the operations scripts (migrate, seed, key rotation) into
// .next/ops/*.mjs, so a production install (`npm ci --omit=dev`, no tsx) can run them next to the
// build it ships. Packages stay external (they are production dependencies); our own TypeScript,
// the `@/` paths and the JSON messages are bundled. scripts/ops.mjs picks the bundle or tsx.
import path from 'node:path';
import { build } from 'esbuild';
import { OPS_SCRIPTS, opsBundlePath } from './ops-scripts.mjs';

const root = process.cwd();

// lib/ modules that touch the database import 'server-only'; these scripts are server code, so
// it becomes an empty module here, as Next.js makes it on the server (scripts/outside-next.mjs
// does the same for the scripts run through tsx).
const serverOnly = {
  name: 'server-only',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'server-only' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'server-only' }, () => ({ contents: '' }));
  },
};

await build({
  entryPoints: Object.fromEntries(OPS_SCRIPTS.map((name) => [name, path.join(root, 'scripts', `${name}.ts`)])),
  outdir: path.dirname(opsBundlePath(root, OPS_SCRIPTS[0])),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
  plugins: [serverOnly],
});
console.log(`Operations scripts bundled: ${OPS_SCRIPTS.map((name) => path.relative(root, opsBundlePath(root, name))).join(', ')}`);
