/**
 * The HTML pages reviewers and auditors open: the gate's page and the auditor report rendered
 * over the committed repository exactly as `npm run gate -- --format html` and
 * `npm run policy:report -- --format html` write them, and the gate's page of a failing run (the
 * format tests' sample: a violation of each kind, a waived one, a stale exception), whose tables
 * the passing repository leaves empty.
 */

import { join } from 'node:path';
import { policiesById } from '../../gate/catalog';
import { runGate } from '../../gate/run-gate';
import { sampleReport } from '../../gate/testing/sample-report';
import { REPO_ROOT } from '../../gate/testing/synthesized-copy';
import { collectEvidence } from '../../policy-report/collect-evidence';
import { formatHtml as formatReportHtml } from '../../policy-report/format-html';
import { formatHtml as formatGateHtml } from '../format-html';
import { launchChromium, type OpenedPage, openHtml } from './chromium';

export type PageName = 'gate' | 'report' | 'failing gate';

export interface RenderedPages {
  /** The page, the policy ids of the catalog and the gated files it must list. */
  readonly gate: { readonly html: string; readonly policies: readonly string[]; readonly files: readonly string[] };
  /** The page and the policy ids it must give a section each. */
  readonly report: { readonly html: string; readonly policies: readonly string[] };
  readonly 'failing gate': { readonly html: string };
}

export async function renderPages(today: string): Promise<RenderedPages> {
  const gate = await runGate({
    paths: [],
    root: REPO_ROOT,
    bundleDir: join(REPO_ROOT, 'policies', 'bundle'),
    exceptionsFile: join(REPO_ROOT, 'policies', 'exceptions.yaml'),
    today,
  });
  const { report } = await collectEvidence({ root: REPO_ROOT, today });
  return {
    gate: {
      html: formatGateHtml(gate),
      policies: policiesById(gate.catalog).map((p) => p.id),
      files: gate.files.map((f) => f.file),
    },
    report: { html: formatReportHtml(report), policies: report.policies.map((p) => p.id) },
    'failing gate': { html: formatGateHtml(sampleReport()) },
  };
}

export interface OpenedPages {
  readonly rendered: RenderedPages;
  readonly pages: Readonly<Record<PageName, OpenedPage>>;
  /** Closes every page and the browser. */
  readonly close: () => Promise<void>;
}

/** Renders the pages and opens them in one Chromium, which every test case of a file shares. */
export async function openPages(today: string): Promise<OpenedPages> {
  const [browser, rendered] = await Promise.all([launchChromium(), renderPages(today)]);
  try {
    const pages = {
      gate: await openHtml(browser, rendered.gate.html, 'gate.html'),
      report: await openHtml(browser, rendered.report.html, 'policy-report.html'),
      'failing gate': await openHtml(browser, rendered['failing gate'].html, 'failing-gate.html'),
    };
    return {
      rendered,
      pages,
      close: async () => {
        for (const page of Object.values(pages)) await page.close();
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Registers, in the calling test file, the hooks that open the pages once for all its cases, and
 * returns their accessor. The hook runs the gate twice (its page, then the report's evidence) and
 * starts Chromium: 38 s on a CI machine loaded by the rest of `npm test`, so it gets more than
 * Jest's 60 s default.
 */
export function sharedPages(today: string): () => OpenedPages {
  let opened: OpenedPages | undefined;
  beforeAll(async () => {
    opened = await openPages(today);
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });
  return () => {
    if (opened === undefined) throw new Error('the pages did not open: see the error of beforeAll');
    return opened;
  };
}
