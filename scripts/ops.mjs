// `npm run db:migrate|db:seed|keys:rotate` → `node scripts/ops.mjs <script> [args]`.
// A development install runs scripts/<script>.ts through tsx, always the current source. A
// production install (`npm ci --omit=dev`: no tsx) runs the bundle `npm run build` made in
// .next/ops/ (scripts/build-ops.mjs), shipped with the rest of the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPS_SCRIPTS, opsBundlePath } from './ops-scripts.mjs';

const [name, ...args] = process.argv.slice(2);
if (!OPS_SCRIPTS.includes(name)) {
  console.error(`usage: node scripts/ops.mjs <${OPS_SCRIPTS.join('|')}> [arguments]`);
  process.exit(2);
}

const root = process.cwd();
let tsxCli;
try {
  tsxCli = createRequire(path.join(root, 'package.json')).resolve('tsx/cli');
} catch {
  tsxCli = undefined;
}

if (tsxCli) {
  const result = spawnSync(process.execPath, [tsxCli, path.join(root, 'scripts', `${name}.ts`), ...args], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const bundle = opsBundlePath(root, name);
if (!existsSync(bundle)) {
  console.error(`${path.relative(root, bundle)} is missing: a production install runs the scripts that \`npm run build\` bundles (build first, then ship .next).`);
  process.exit(1);
}
// The bundle reads process.argv like the script does.
process.argv = [process.argv[0], bundle, ...args];
await import(pathToFileURL(bundle).href);
