// Part of `npm run build`: bundles the operations scripts (migrate, seed, key rotation) into
// .next/ops/*.mjs, so a production install (`npm ci --omit=dev`, no tsx) can run them next to the
// build it ships. Packages stay external (they are production dependencies); our own TypeScript,
// the `@/` paths and the JSON messages are bundled. scripts/ops.mjs picks the bundle or tsx.
import path from 'node:path';
import { build } from 'esbuild';
import { OPS_SCRIPTS, opsBundlePath } from './ops-scripts.mjs';

const root = process.cwd();
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
});
console.log(`Operations scripts bundled: ${OPS_SCRIPTS.map((name) => path.relative(root, opsBundlePath(root, name))).join(', ')}`);
