import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

/**
 * Nothing reaches past the screen's edge (a table may scroll inside its own .table-wrap), and the page does not
 * scroll sideways: what longer words (Dutch ones) break first.
 */
export async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.locator('body *').evaluateAll((elements) => {
    const width = elements[0].ownerDocument.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const el of elements) {
      if (el.closest('.table-wrap, .sr-only')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        const cls = el.getAttribute('class');
        offenders.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.split(' ').join('.')}` : ''} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
    }
    return { width, scrollWidth: elements[0].ownerDocument.documentElement.scrollWidth, offenders };
  });
  expect(overflow.offenders).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
}
