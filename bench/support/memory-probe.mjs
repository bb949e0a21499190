// Benchmark only (bench/startup-and-weight.ts): preloaded with `node --import` into both servers
// (the portal and the minimal app) when BENCH_MEMORY_REPORT names a file. On SIGUSR2 it writes
// where the process's resident memory sits, so the RSS ratio can be explained part by part:
// V8 heap spaces and code, memory outside the heap, the JavaScript files loaded, threads, and
// resident pages by kind of mapping. Nothing here runs in production or in the test suite.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';

// Every require() shares one module cache; Next.js and the build's server chunks load through it.
const requireCache = createRequire(import.meta.url).cache;

const reportPath = process.env.BENCH_MEMORY_REPORT;

/** Resident KiB per kind of mapping, from /proc/self/smaps (Linux only). */
function residentByMapping() {
  const kinds = { heapAndAnonymous: 0, nodeBinary: 0, sharedLibraries: 0, otherFiles: 0, stacks: 0 };
  let current = 'heapAndAnonymous';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1].trim();
      if (name === '' || name === '[heap]' || name.startsWith('[anon')) current = 'heapAndAnonymous';
      else if (name === '[stack]') current = 'stacks';
      else if (name.startsWith('[')) current = 'otherFiles';
      else if (name === process.execPath) current = 'nodeBinary';
      else if (/\.so(\.|$)/.test(name)) current = 'sharedLibraries';
      else current = 'otherFiles';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kinds[current] += Number(rss[1]);
  }
  return kinds;
}

/** Loaded CommonJS files (Next's own code and the build's server chunks) by where they come from. */
function loadedFiles() {
  const groups = {};
  for (const file of Object.keys(requireCache)) {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      continue;
    }
    const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const group = packageMatch ? packageMatch[1] : file.includes('/.next/') ? '.next (build output)' : 'other';
    const entry = (groups[group] ??= { files: 0, bytes: 0 });
    entry.files += 1;
    entry.bytes += size;
  }
  return groups;
}

function snapshot() {
  const usage = process.memoryUsage();
  const code = v8.getHeapCodeStatistics();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, { size: space.space_size, used: space.space_used_size }]));
  const threads = readFileSync('/proc/self/status', 'utf8').match(/^Threads:\s+(\d+)/m)?.[1];
  return {
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    code: { codeAndMetadata: code.code_and_metadata_size, bytecodeAndMetadata: code.bytecode_and_metadata_size, externalScriptSource: code.external_script_source_size },
    spaces,
    threads: Number(threads),
    residentKiB: residentByMapping(),
    loadedFiles: loadedFiles(),
  };
}

if (reportPath) {
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = vm.runInNewContext('gc');
  process.on('SIGUSR2', () => {
    const asFound = snapshot();
    // Then after a full garbage collection: what is live, as against what waits to be collected.
    // V8 frees the memory of dead ArrayBuffers on a background thread, so the figures are read
    // a second later, after a second collection (read at once, 50 MiB of Buffers seemed to
    // survive the collection).
    collectGarbage();
    setTimeout(() => {
      collectGarbage();
      const afterGc = snapshot();
      writeFileSync(`${reportPath}.tmp`, JSON.stringify({ asFound, afterGc }));
      renameSync(`${reportPath}.tmp`, reportPath);
    }, 1000);
  });
}
