import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

// WCAG 2.0, 2.1 and 2.2, levels A and AA: the level the portal promises. axe-core's tags name each
// version's own success criteria, so all six are needed for the union.
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Impacts that fail the check (the issue asks for no serious or critical violation). */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core on what the page shows now and returns the serious and critical violations as
 * readable lines: where, rule id, impact, what is wrong and the selector (and axe's summary) of
 * each offending element. An empty list means the page passes.
 *
 * `rules` runs only those rules (e.g. the colour rules for a second colour scheme of the same page).
 * `exclude` is for frames axe cannot enter: a sandboxed frame without allow-scripts never gets a
 * script context, and axe would wait for it forever.
 */
export async function findAccessibilityViolations(page: Page, where: string, options: { exclude?: string[]; rules?: readonly string[] } = {}): Promise<string[]> {
  // Legacy mode: axe.run() in the page itself. The default mode finishes every run in a new blank
  // page, which doubled the suite's time; it only adds cross-origin frames, and the portal has none.
  const builder = new AxeBuilder({ page }).setLegacyMode();
  if (options.rules) builder.withRules([...options.rules]);
  else builder.withTags(WCAG_AA_TAGS);
  for (const selector of options.exclude ?? []) builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => {
      const nodes = violation.nodes.map((node) => {
        const summary = node.failureSummary?.replace(/\s+/g, ' ').trim();
        return `    ${node.target.join(' >> ')}${summary ? `: ${summary}` : ''}`;
      });
      return `${where}: ${violation.id} [${violation.impact}] ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`;
    });
}
