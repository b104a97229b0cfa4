/**
 * axe-core (WCAG 2.1 A/AA rules) in a playwright page: injects axe.min.js from node_modules
 * (inline, no request) and runs it. Tests fail on any serious or critical violation and print
 * each rule id with its targets.
 *
 *   const violations = await runAxe(page);
 *   expect(describeViolations(blocking(violations))).toEqual([]);
 */
import type { Frame, Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page (or frame), optionally on one element (a CSS selector). */
export async function runAxe(page: Page | Frame, selector?: string): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!present) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(
    async ({ tags, selector: sel }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
      const result = await axe.run(sel ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return (result.violations as any[]).map((v) => ({
        id: String(v.id),
        impact: v.impact ?? null,
        help: String(v.help),
        targets: (v.nodes as any[]).map((n) => (n.target as unknown[]).map(String).join(' ')),
      }));
    },
    { tags: [...AXE_TAGS], selector },
  );
}

/** The violations that fail a test: impact serious or critical. */
export function blocking(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One readable line per violation: "rule-id (impact): target, target — help". */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')} — ${v.help}`);
}
