/**
 * The two HTML pages reviewers and auditors open, rendered over the committed repository exactly
 * as `npm run gate -- --format html` and `npm run policy:report -- --format html` write them.
 */

import { join } from 'node:path';
import { policiesById } from '../../gate/catalog';
import { formatHtml as formatGateHtml } from '../../gate/format-html';
import { runGate } from '../../gate/run-gate';
import { REPO_ROOT } from '../../gate/testing/synthesized-copy';
import { collectEvidence } from '../../policy-report/collect-evidence';
import { formatHtml as formatReportHtml } from '../../policy-report/format-html';
import { launchChromium, type OpenedPage, openHtml } from './chromium';

export interface RepositoryPages {
  /** The page, the policy ids of the catalog and the gated files it must list. */
  readonly gate: { readonly html: string; readonly policies: readonly string[]; readonly files: readonly string[] };
  /** The page and the policy ids it must give a section each. */
  readonly report: { readonly html: string; readonly policies: readonly string[] };
}

export async function renderRepositoryPages(today: string): Promise<RepositoryPages> {
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
  };
}

export interface OpenedRepositoryPages {
  readonly rendered: RepositoryPages;
  readonly gate: OpenedPage;
  readonly report: OpenedPage;
  /** Closes both pages and the browser. */
  readonly close: () => Promise<void>;
}

/** Renders both pages and opens them in one Chromium, which every test case of a file shares. */
export async function openRepositoryPages(today: string): Promise<OpenedRepositoryPages> {
  const [browser, rendered] = await Promise.all([launchChromium(), renderRepositoryPages(today)]);
  try {
    const gate = await openHtml(browser, rendered.gate.html, 'gate.html');
    const report = await openHtml(browser, rendered.report.html, 'policy-report.html');
    return {
      rendered,
      gate,
      report,
      close: async () => {
        await gate.close();
        await report.close();
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
