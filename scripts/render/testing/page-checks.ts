/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions passed to page.evaluate run in the page: they need the DOM's types.

/**
 * What a reader of a report page would notice in a real browser, measured in Chromium: content
 * cut off or scrolled sideways, in-page links that land nowhere, and the WCAG rules axe-core
 * checks (contrast, landmarks, table headers, language). Each returns readable descriptions, so
 * a failing test shows what is wrong and where.
 */

import type { Page } from 'playwright-core';

/** Elements whose right edge passes the viewport's: the page scrolls sideways to show them. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflows = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    // The innermost elements that overflow: their ancestors overflow only because they do.
    const innermost = [...document.body.querySelectorAll('*')].filter(
      (element) => overflows(element) && ![...element.children].some(overflows),
    );
    const shown = innermost
      .slice(0, 10)
      .map(
        (element) =>
          `<${element.tagName.toLowerCase()}> ends at ${Math.round(element.getBoundingClientRect().right)} px of ${width} px: ${(element.textContent ?? '').trim().slice(0, 80)}`,
      );
    return innermost.length > shown.length ? [...shown, `and ${innermost.length - shown.length} more`] : shown;
  });
}

/** In-page links (`href="#id"`) whose target is missing, and ids given to more than one element. */
export function brokenAnchors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    for (const [id, count] of seen) if (count > 1) problems.push(`id "${id}" is given to ${count} elements`);
    for (const link of document.querySelectorAll('a[href^="#"]')) {
      const id = decodeURIComponent(link.getAttribute('href')?.slice(1) ?? '');
      if (!seen.has(id)) problems.push(`link to #${id} lands nowhere`);
    }
    return problems;
  });
}

interface AxeResults {
  readonly violations: readonly {
    readonly id: string;
    readonly help: string;
    readonly nodes: readonly { readonly target: readonly string[] }[];
  }[];
}

/** axe-core's WCAG 2 A and AA rules and its best practices, injected into the page. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(
      document,
      { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'], resultTypes: ['violations'] },
    ),
  );
  return results.violations.map(
    (v) =>
      `${v.id} (${v.help}): ${v.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join('; ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  );
}

/**
 * Table headers and severity labels of one word that the layout splits across lines: a column
 * squeezed so narrow it breaks words ("criti / cal").
 */
export function splitLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('th, td > span')]
      .filter((element) => !/\s/.test((element.textContent ?? '').trim()))
      .filter((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
      })
      .map((element) => `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim()}" wraps`),
  );
}
