// The table the start/memory and page-weight benchmark prints (bench/startup-and-weight.ts).
import type { LighthouseScores } from './lighthouse-scores';
import { printMemoryBreakdown, type MemoryBreakdown } from './memory-breakdown';
import { sumBytes, type ScriptTransfer } from './page-weight';

export type Figures = {
  startMs: number[];
  rssAfterStart: number;
  rssAfterLoad: number;
  peak: number;
  rate: number;
  scripts: ScriptTransfer[];
  lighthouse: Partial<Record<'mobile' | 'desktop', LighthouseScores>>;
  /** Read inside the server after the requests (memory-probe.mjs). */
  memory?: MemoryBreakdown;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const ratio = (portal: number, minimal: number) => `${(portal / minimal).toFixed(2)}×`;
const row = (label: string, portal: string, minimal: string, ratioText = '') =>
  console.log(`${label.padEnd(40)}${portal.padStart(16)}${minimal.padStart(16)}${ratioText.padStart(8)}`);

export function printFigures(options: {
  portal: Figures;
  minimal: Figures;
  starts: number;
  requests: number;
  concurrency: number;
  paths: readonly string[];
}): void {
  const { portal, minimal, starts, requests, concurrency, paths } = options;
  const js = (figures: Figures, key: 'encodedBytes' | 'decodedBytes') => sumBytes(figures.scripts, key);
  console.log(`\nStart and memory (node server.mjs of each production build; ${starts} start${starts === 1 ? '' : 's'} each, alternating;`);
  console.log(`${requests} GETs of ${paths.join(' and ')} in turn, ${concurrency} keep-alive clients):`);
  row('', 'portal', 'minimal', 'ratio');
  row('spawn to first 200 on /login (median)', `${median(portal.startMs).toFixed(0)} ms`, `${median(minimal.startMs).toFixed(0)} ms`, ratio(median(portal.startMs), median(minimal.startMs)));
  row('  each start (ms)', portal.startMs.map((ms) => ms.toFixed(0)).join('/'), minimal.startMs.map((ms) => ms.toFixed(0)).join('/'));
  row('RSS after the first answer', mib(portal.rssAfterStart), mib(minimal.rssAfterStart), ratio(portal.rssAfterStart, minimal.rssAfterStart));
  row(`RSS after ${requests} requests`, mib(portal.rssAfterLoad), mib(minimal.rssAfterLoad), ratio(portal.rssAfterLoad, minimal.rssAfterLoad));
  row('peak RSS (VmHWM)', mib(portal.peak), mib(minimal.peak), ratio(portal.peak, minimal.peak));
  row('requests per second (for information)', portal.rate.toFixed(0), minimal.rate.toFixed(0), ratio(portal.rate, minimal.rate));
  if (portal.memory && minimal.memory) printMemoryBreakdown(portal.memory, minimal.memory);

  const encodings = [...new Set(portal.scripts.concat(minimal.scripts).map((script) => script.encoding))].join('/');
  console.log(`\n/login page weight in Chromium (script response bodies as transferred, ${encodings}):`);
  row('', 'portal', 'minimal', 'ratio');
  row('compressed JavaScript (target ≤ 1.15×)', kib(js(portal, 'encodedBytes')), kib(js(minimal, 'encodedBytes')), ratio(js(portal, 'encodedBytes'), js(minimal, 'encodedBytes')));
  row('the same uncompressed', kib(js(portal, 'decodedBytes')), kib(js(minimal, 'decodedBytes')), ratio(js(portal, 'decodedBytes'), js(minimal, 'decodedBytes')));
  row('script files', String(portal.scripts.length), String(minimal.scripts.length));
  if (process.env.BENCH_VERBOSE) {
    for (const [name, figures] of [['portal', portal], ['minimal', minimal]] as const) {
      for (const script of figures.scripts) console.log(`  ${name.padEnd(8)}${kib(script.encodedBytes).padStart(11)}${kib(script.decodedBytes).padStart(11)}  ${new URL(script.url).pathname}`);
    }
  }

  console.log('\nLighthouse 12 on /login (Debian Chromium, default simulated throttling; target ≥ 95):');
  row('', 'portal', 'minimal');
  for (const preset of ['mobile', 'desktop'] as const) {
    const [p, m] = [portal.lighthouse[preset]!, minimal.lighthouse[preset]!];
    for (const category of ['performance', 'accessibility', 'best-practices'] as const) row(`${preset} ${category}`, String(p[category]), String(m[category]));
    row(`${preset} benchmarkIndex (machine speed)`, String(p.benchmarkIndex), String(m.benchmarkIndex));
  }
  for (const [name, figures] of [['portal', portal], ['minimal', minimal]] as const) {
    for (const [preset, scores] of Object.entries(figures.lighthouse)) {
      if (scores.failedAudits.length > 0) console.log(`  ${name} ${preset} audits below 1: ${scores.failedAudits.join('; ')}`);
    }
  }
}
