import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's chromium; playwright-core never downloads a browser.
const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';

export function e2eBaseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser suite with `npm run test:e2e`');
  return url;
}

async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
    ],
  });
}

/**
 * The browser of a test file (or describe block): launched before its first test, closed after
 * its last. Call it where the tests are declared; the getter is for use inside them.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser starts in beforeAll: use it inside a test or hook.');
    return browser;
  };
}

type PageOptions = { locale?: string; javaScriptEnabled?: boolean };

/**
 * A page in its own context (no cookies shared with other pages); closing the page's context
 * cleans up. `javaScriptEnabled: false` is a browser with JavaScript switched off (issue 9).
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl(), locale: options.locale ?? 'en-US', javaScriptEnabled: options.javaScriptEnabled ?? true });
  return context.newPage();
}

function screenshotPath(name: string): string {
  const resultsDir = process.env.E2E_RESULTS_DIR ?? path.join(process.cwd(), 'test-results');
  const fileName = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  return path.join(resultsDir, 'screenshots', `${fileName}.png`);
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png and returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = screenshotPath(name);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs `steps` on a fresh page; on failure saves a screenshot named after the current test, then
 * rethrows. The page's context is closed either way.
 */
export async function withPage<T>(
  browser: Browser,
  steps: (page: Page) => Promise<T>,
  options: PageOptions & { screenshotName?: string } = {},
): Promise<T> {
  const page = await newPage(browser, { locale: options.locale, javaScriptEnabled: options.javaScriptEnabled });
  try {
    return await steps(page);
  } catch (error) {
    const name = options.screenshotName ?? expect.getState().currentTestName ?? 'failure';
    try {
      const file = await saveScreenshot(page, `failed-${name}`);
      console.error(`Screenshot of the failure: ${file}`);
    } catch (screenshotError) {
      console.error('Could not save a failure screenshot:', screenshotError);
    }
    throw error;
  } finally {
    await page.context().close();
  }
}
