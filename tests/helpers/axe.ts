// Runs axe-core (WCAG 2.0/2.1 A and AA rules) over a page Lectern wrote, in the shared Chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../../src/browser/manager.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/** axe's WCAG A/AA violations on `page` as it is now. */
export async function axeOn(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, wcagTags);
}

/**
 * Opens a file (or the HTML given, saved by the caller) and runs axe; `prepare` runs in the page first
 * (a deck shows every slide at once without its viewer script, as it prints).
 */
export async function axeFile(manager: BrowserManager, file: string, prepare?: (page: Page) => Promise<void>): Promise<AxeViolation[]> {
  return manager.withPage(async (page) => {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await prepare?.(page);
    return axeOn(page);
  });
}

/** One line per failing element, for a readable assertion message. */
export function describeViolations(file: string, violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${file}: ${v.id} (${v.impact}) ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`));
}
