// Where a server's resident memory sits (bench/startup-and-weight.ts): memory-probe.mjs is
// preloaded into the server and writes its report on SIGUSR2; this file starts it and reads it.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

type Snapshot = {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  code: { codeAndMetadata: number; bytecodeAndMetadata: number; externalScriptSource: number };
  spaces: Record<string, { size: number; used: number }>;
  threads: number;
  residentKiB: { heapAndAnonymous: number; nodeBinary: number; sharedLibraries: number; otherFiles: number; stacks: number };
  loadedFiles: Record<string, { files: number; bytes: number }>;
};
export type MemoryBreakdown = { asFound: Snapshot; afterGc: Snapshot };

const PROBE = path.join(import.meta.dirname, 'memory-probe.mjs');

export function memoryProbeEnv(reportPath: string): Record<string, string> {
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { NODE_OPTIONS: `${inherited}--import ${PROBE}`, BENCH_MEMORY_REPORT: reportPath };
}

export async function readMemoryBreakdown(pid: number, reportPath: string): Promise<MemoryBreakdown> {
  rmSync(reportPath, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (existsSync(reportPath)) return JSON.parse(readFileSync(reportPath, 'utf8')) as MemoryBreakdown;
    await sleep(50);
  }
  throw new Error(`no memory report from the server (pid ${pid}) in ${reportPath}`);
}

const MiB = 1024 * 1024;

/** Rows of the breakdown, in MiB, portal and minimal side by side with the difference. */
export function printMemoryBreakdown(portal: MemoryBreakdown, minimal: MemoryBreakdown): void {
  const line = (label: string, p: number, m: number, digits = 1) =>
    console.log(`${label.padEnd(46)}${p.toFixed(digits).padStart(10)}${m.toFixed(digits).padStart(10)}${(p - m >= 0 ? '+' : '') + (p - m).toFixed(digits).padStart(9)}`);
  const rows = (title: string, pick: (breakdown: MemoryBreakdown) => Snapshot) => {
    const [p, m] = [pick(portal), pick(minimal)];
    console.log(`\n${title} (MiB)${' '.repeat(Math.max(0, 40 - title.length))}portal   minimal  portal−minimal`);
    line('RSS', p.rss / MiB, m.rss / MiB);
    line('  resident anonymous memory (V8 heap, malloc)', p.residentKiB.heapAndAnonymous / 1024, m.residentKiB.heapAndAnonymous / 1024);
    line('  resident node binary', p.residentKiB.nodeBinary / 1024, m.residentKiB.nodeBinary / 1024);
    line('  resident shared libraries and other files', (p.residentKiB.sharedLibraries + p.residentKiB.otherFiles) / 1024, (m.residentKiB.sharedLibraries + m.residentKiB.otherFiles) / 1024);
    line('V8 heap reserved (heapTotal)', p.heapTotal / MiB, m.heapTotal / MiB);
    line('V8 heap in use (heapUsed)', p.heapUsed / MiB, m.heapUsed / MiB);
    for (const space of ['new_space', 'old_space', 'code_space', 'large_object_space', 'trusted_space']) {
      if (p.spaces[space] || m.spaces[space]) line(`  ${space} in use`, (p.spaces[space]?.used ?? 0) / MiB, (m.spaces[space]?.used ?? 0) / MiB);
    }
    line('  compiled code and metadata', p.code.codeAndMetadata / MiB, m.code.codeAndMetadata / MiB);
    line('  bytecode and metadata', p.code.bytecodeAndMetadata / MiB, m.code.bytecodeAndMetadata / MiB);
    line('outside the V8 heap (external)', p.external / MiB, m.external / MiB);
    line('  of which ArrayBuffers (Buffers)', p.arrayBuffers / MiB, m.arrayBuffers / MiB);
    line('threads', p.threads, m.threads, 0);
  };
  rows('As found after the requests', (breakdown) => breakdown.asFound);
  rows('After a full garbage collection', (breakdown) => breakdown.afterGc);

  const groups = new Set([...Object.keys(portal.asFound.loadedFiles), ...Object.keys(minimal.asFound.loadedFiles)]);
  const bytes = (breakdown: MemoryBreakdown, group: string) => (breakdown.asFound.loadedFiles[group]?.bytes ?? 0) / MiB;
  const sorted = [...groups].sort((a, b) => bytes(portal, b) - bytes(minimal, b) - (bytes(portal, a) - bytes(minimal, a)));
  console.log('\nJavaScript files loaded (require cache, file size in MiB)      portal   minimal  portal−minimal');
  line('all', sorted.reduce((sum, group) => sum + bytes(portal, group), 0), sorted.reduce((sum, group) => sum + bytes(minimal, group), 0), 2);
  for (const group of sorted.slice(0, 12)) line(`  ${group}`, bytes(portal, group), bytes(minimal, group), 2);
}
