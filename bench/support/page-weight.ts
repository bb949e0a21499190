// JavaScript a page makes the browser download, as Chromium receives it (compressed body bytes).
import { chromium, type Browser } from 'playwright-core';

export type ScriptTransfer = { url: string; encodedBytes: number; decodedBytes: number; encoding: string };

export async function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
}

/**
 * Loads `url` in a fresh context (empty cache) until the network is idle, plus a pause for
 * prefetches Next.js starts when the browser is idle, and lists every script response.
 */
export async function measureScriptTransfer(browser: Browser, url: string): Promise<ScriptTransfer[]> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const pending: Promise<ScriptTransfer>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        const body = response ? await response.body() : Buffer.alloc(0);
        return {
          url: request.url(),
          // Body bytes as received (after Content-Encoding, without headers): both apps send
          // different response headers, which are not JavaScript.
          encodedBytes: sizes.responseBodySize,
          decodedBytes: body.length,
          encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
        };
      })(),
    );
  });
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`GET ${url} answered ${response?.status()}`);
    await page.waitForTimeout(1_500);
    await page.waitForLoadState('networkidle');
    return await Promise.all(pending);
  } finally {
    await context.close();
  }
}

export const sumBytes = (scripts: ScriptTransfer[], key: 'encodedBytes' | 'decodedBytes') =>
  scripts.reduce((total, script) => total + script[key], 0);
