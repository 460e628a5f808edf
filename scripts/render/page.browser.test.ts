/**
 * The gate's page and the auditor report, rendered over the committed repository, and the gate's
 * page of a failing run, opened in Chromium (Debian's, or CHROMIUM_BIN) by playwright-core as a
 * reviewer opens the CI artifact. One browser serves every case. Without a browser the suite
 * fails, naming what to install; it never skips.
 */

import type { Page } from 'playwright-core';
import type { OpenedPage } from './testing/chromium';
import { accessibilityViolations, brokenAnchors, overflowingElements, splitLabels } from './testing/page-checks';
import { type PageName, type RenderedPages, sharedPages } from './testing/report-pages';

const today = new Date().toISOString().slice(0, 10);

/** A laptop screen, a narrow window, and an A4 sheet printed with Chromium's default margins. */
const WIDTHS = [
  { name: 'a 1280 px screen', width: 1280, media: 'screen' },
  { name: 'an 800 px window', width: 800, media: 'screen' },
  { name: 'a printed A4 page', width: 720, media: 'print' },
] as const;

const opened = sharedPages(today);

function pageOf(name: PageName): OpenedPage {
  return opened().pages[name];
}

function rendered(): RenderedPages {
  return opened().rendered;
}

async function visibleHeading(page: Page, level: 'h1' | 'h2', name: RegExp): Promise<boolean> {
  const heading = page.locator(level).filter({ hasText: name });
  return (await heading.count()) === 1 && (await heading.isVisible());
}

/** The `<code>` of each row's first cell in the table right after the heading `name`. */
function firstColumnCodes(page: Page, heading: RegExp): Promise<string[]> {
  return page
    .locator('h2', { hasText: heading })
    .locator('xpath=following-sibling::table[1]')
    .locator('tbody tr > td:first-child > code')
    .allTextContents();
}

describe.each([
  { name: 'gate', title: /^Policy gate: passed$/ },
  { name: 'report', title: /^Ecolaura policy evidence report$/ },
  { name: 'failing gate', title: /^Policy gate: failed$/ },
] as const)('the $name page in Chromium', ({ name, title }) => {
  it('loads from its file with no console error or warning, no page error, and no request beyond itself', async () => {
    const { page, problems } = pageOf(name);
    expect(await page.title()).toMatch(title);
    expect(problems).toEqual([]);
  });

  it.each(WIDTHS)('fits $name: nothing overflows sideways, no one-word label breaks', async ({ width, media }) => {
    const { page } = pageOf(name);
    await page.emulateMedia({ media });
    await page.setViewportSize({ width, height: 800 });
    try {
      expect(await overflowingElements(page)).toEqual([]);
      expect(await splitLabels(page)).toEqual([]);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('has no in-page link that lands nowhere and no id given twice', async () => {
    expect(await brokenAnchors(pageOf(name).page)).toEqual([]);
  });

  it("passes axe-core's WCAG 2 A/AA rules and best practices (contrast, landmarks, table headers)", async () => {
    expect(await accessibilityViolations(pageOf(name).page)).toEqual([]);
  });
});

describe("the gate's page over the repository", () => {
  it('shows the verdict, then the violations, waived, stale exceptions, policies and files sections', async () => {
    const { page } = pageOf('gate');
    expect(await visibleHeading(page, 'h1', /^Ecolaura policy gate report$/)).toBe(true);
    expect(await page.locator('.verdict').isVisible()).toBe(true);
    expect(await page.locator('.verdict').textContent()).toMatch(/^info: gate passed: 0 violations/);
    for (const section of [/^Violations \(\d+\)$/, /^Waived \(\d+\)$/, /^Stale exceptions \(\d+\)$/]) {
      expect(await visibleHeading(page, 'h2', section)).toBe(true);
    }
    const { policies, files } = rendered().gate;
    expect(await visibleHeading(page, 'h2', new RegExp(`^Policies \\(${policies.length}\\)$`))).toBe(true);
    expect(await visibleHeading(page, 'h2', new RegExp(`^Files \\(${files.length}\\)$`))).toBe(true);
  });

  it('lists every policy of the catalog and every gated file, in order', async () => {
    const { page } = pageOf('gate');
    expect(await firstColumnCodes(page, /^Policies /)).toEqual(rendered().gate.policies);
    expect(await firstColumnCodes(page, /^Files /)).toEqual(rendered().gate.files);
  });
});

describe("the gate's page of a failing run", () => {
  it('shows the failed verdict and a row per unwaived violation, waived violation and stale exception', async () => {
    const { page } = pageOf('failing gate');
    expect(await page.locator('.verdict.failed').textContent()).toMatch(/^error: gate failed: 2 violations/);
    expect(await firstColumnCodes(page, /^Waived \(1\)$/)).toEqual(['ECO-SUS-001']);
    const violations = page
      .locator('h2', { hasText: /^Violations \(2\)$/ })
      .locator('xpath=following-sibling::table[1]');
    expect(await violations.locator('tbody tr > td:first-child').allTextContents()).toEqual(['critical', 'high']);
    expect(await page.locator('h2', { hasText: /^Stale exceptions \(1\)$/ }).isVisible()).toBe(true);
  });
});

describe("the auditor report's page over the repository", () => {
  it('shows the verdict, then the evidence gaps, policies, controls index and policy details sections', async () => {
    const { page } = pageOf('report');
    expect(await visibleHeading(page, 'h1', /^Ecolaura policy evidence report$/)).toBe(true);
    expect(await page.locator('.verdict').textContent()).toMatch(/^info: policy report: \d+ policies/);
    for (const section of [
      /^Evidence gaps \(0\)$/,
      new RegExp(`^Policies \\(${rendered().report.policies.length}\\)$`),
      /^Controls index \(\d+\)$/,
      /^Policy details$/,
    ]) {
      expect(await visibleHeading(page, 'h2', section)).toBe(true);
    }
  });

  it('gives every policy a visible section of its own, under its id', async () => {
    const { page } = pageOf('report');
    const sections = await page.locator('section.policy').evaluateAll((all) => all.map((section) => section.id));
    expect(sections).toEqual(rendered().report.policies);
    expect(await page.locator('section.policy').last().isVisible()).toBe(true);
  });
});
