// Lighthouse (the installed CLI, Debian Chromium) on one page; nothing leaves the machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type LighthouseScores = Record<'performance' | 'accessibility' | 'best-practices', number> & {
  /** Audits of the three categories that scored below 1, for the "why" when a score is low. */
  failedAudits: string[];
  /** Lighthouse's own CPU speed estimate of the machine (below about 1000 its docs call scores unreliable). */
  benchmarkIndex: number;
};

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

// Chromium resolves no host name at all (the page is on 127.0.0.1) and makes no background,
// update, sync or safe-browsing requests.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-first-run',
  '--no-pings',
  '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',
];

async function runLighthouseOnce(options: { url: string; preset: 'mobile' | 'desktop' }): Promise<LighthouseScores> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'msp-lighthouse-'));
  const report = path.join(outDir, 'report.json');
  const args = [
    path.join(process.cwd(), 'node_modules', 'lighthouse', 'cli', 'index.js'),
    options.url,
    '--chrome-path=/usr/bin/chromium',
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--no-enable-error-reporting',
    '--disable-full-page-screenshot',
    '--output=json',
    `--output-path=${report}`,
    '--quiet',
    ...(options.preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  try {
    const stderr: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${Buffer.concat(stderr).toString().slice(-2000)}`);
    type Result = {
      runtimeError?: { code: string; message: string };
      environment: { benchmarkIndex: number };
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null; scoreDisplayMode: string; displayValue?: string }>;
    };
    const result = JSON.parse(readFileSync(report, 'utf8')) as Result;
    if (result.runtimeError) throw new Error(`lighthouse: ${result.runtimeError.code} ${result.runtimeError.message}`);
    const failedAudits = CATEGORIES.flatMap((category) =>
      result.categories[category]!.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => ({ id: ref.id, audit: result.audits[ref.id]! }))
        .filter(({ audit }) => audit.scoreDisplayMode !== 'notApplicable' && audit.score !== null && audit.score < 1)
        .map(({ id, audit }) => `${category}/${id} ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
    );
    const score = (category: (typeof CATEGORIES)[number]) => Math.round((result.categories[category]!.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      failedAudits,
      benchmarkIndex: Math.round(result.environment.benchmarkIndex),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** One retry: on a busy machine Chromium's trace now and then misses the navigation start (NO_NAVSTART). */
export async function runLighthouse(options: { url: string; preset: 'mobile' | 'desktop' }): Promise<LighthouseScores> {
  try {
    return await runLighthouseOnce(options);
  } catch (error) {
    console.warn(`Lighthouse ${options.preset} failed once, retrying: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return runLighthouseOnce(options);
  }
}
