// npm run audit:deps — `npm audit --omit=dev`: fails on any high or critical advisory in the
// production dependencies unless audit-exceptions.json explains it (package, advisory URL, why
// it does not apply, until when).
//
// Some registries (this workplace's mirror among them) answer the audit endpoint with 405. Then
// nothing could be checked: the script says so loudly and exits 0, or 1 with AUDIT_REQUIRED=1
// (set it wherever the public registry is reachable, so a broken audit never passes silently).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const BLOCKING = new Set(['high', 'critical']);

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no JSON (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}

if (!report.vulnerabilities) {
  // An error object from the registry instead of a report.
  const status = report.statusCode ?? report.error?.code ?? 'unknown';
  console.log(`AUDIT NOT DONE: the registry refused the audit endpoint (${status}: ${report.message ?? 'no message'}).`);
  console.log('No advisory was checked. Run `npm run audit:deps` where the public registry is reachable.');
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}

const exceptions = existsSync('audit-exceptions.json') ? JSON.parse(readFileSync('audit-exceptions.json', 'utf8')) : [];
const today = new Date().toISOString().slice(0, 10);
const excused = (name) => exceptions.some((entry) => entry.package === name && (!entry.until || entry.until >= today));

const blocking = Object.values(report.vulnerabilities).filter((entry) => BLOCKING.has(entry.severity));
for (const entry of blocking) {
  const advisories = entry.via.filter((via) => typeof via === 'object').map((via) => `${via.title} ${via.url}`);
  const mark = excused(entry.name) ? 'excused (audit-exceptions.json)' : 'BLOCKING';
  console.log(`${mark}: ${entry.name} ${entry.range} [${entry.severity}] ${advisories.join('; ') || `via ${entry.via.join(', ')}`}`);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
const unexplained = blocking.filter((entry) => !excused(entry.name));
if (unexplained.length > 0) {
  console.error(`${unexplained.length} high or critical advisories without an explanation in audit-exceptions.json`);
  process.exit(1);
}
console.log('no unexplained high or critical advisory in production dependencies');
