// node bench/cpu-profile-summary.mjs <file.cpuprofile> [rows] — where a CPU profile of the
// production server (BENCH_CPU_PROF=1 npx tsx bench/page-cost.ts) spends its time, by module and
// by function. Turbopack bundles the portal and most packages into minified chunks; the build's
// server source maps (.next/server/**/*.js.map, written by every `next build`) name the package
// or portal file behind each frame. "self" is time in a module's own code, "inclusive" adds what
// it calls (each sample counted once per module). Prints, asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { FlattenMap, originalPositionFor } from '@jridgewell/trace-mapping';

const [file, rowsArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/cpu-profile-summary.mjs <file.cpuprofile> [rows]');
const rows = Number(rowsArgument ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const maps = new Map();
function sourceMapOf(url) {
  const mapFile = `${url.replace(/^file:\/\//, '')}.map`;
  if (!maps.has(mapFile)) maps.set(mapFile, existsSync(mapFile) ? new FlattenMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
  return maps.get(mapFile);
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const origins = new Map();
/** The package (next split by its folders) or portal file a profile node's code comes from. */
function originOf(node) {
  if (origins.has(node.id)) return origins.get(node.id);
  const frame = node.callFrame;
  let source = frame.url;
  let name = frame.functionName;
  const map = frame.url.includes('/.next/') ? sourceMapOf(frame.url) : null;
  if (map) {
    const original = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
    if (original.source) {
      source = original.source;
      name = original.name || name;
    }
  }
  let origin;
  if (source.includes('node_modules/')) {
    const [, pkg, rest] = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\/?(.*)/.exec(source);
    origin = pkg === 'next' ? `next/${rest.split('/').slice(0, 3).join('/')}` : decodeURIComponent(pkg);
  } else if (!source || source.startsWith('node:')) origin = source || name;
  else origin = `portal ${decodeURIComponent(source.replace(/.*\[project\]\//, '').replace(/^.*?\b(app|lib|db|i18n|messages|proxy\.ts|auth\.ts|server\.mjs)\b/, '$1'))}`;
  const result = { module: origin, fn: `${name || '(anonymous)'} @ ${origin}` };
  origins.set(node.id, result);
  return result;
}

const samples = new Map();
for (const id of profile.samples) samples.set(id, (samples.get(id) ?? 0) + 1);
const total = profile.samples.length;
const selfByModule = new Map();
const selfByFunction = new Map();
const inclusiveByModule = new Map();
const add = (map, key, count) => map.set(key, (map.get(key) ?? 0) + count);
for (const [id, count] of samples) {
  const { module: own, fn } = originOf(nodes.get(id));
  add(selfByModule, own, count);
  add(selfByFunction, fn, count);
  const seen = new Set();
  for (let current = id; current !== undefined; current = parents.get(current)) seen.add(originOf(nodes.get(current)).module);
  for (const origin of seen) add(inclusiveByModule, origin, count);
}

const interval = (profile.endTime - profile.startTime) / total / 1000;
console.log(`${total} samples of ~${interval.toFixed(2)} ms (${((total * interval) / 1000).toFixed(1)} s, startup included)`);
for (const [title, map] of [
  ['self time by module', selfByModule],
  ['inclusive time by module', inclusiveByModule],
  ['self time by function', selfByFunction],
]) {
  console.log(`--- ${title}`);
  for (const [key, count] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${key}`);
}
