/**
 * Issue 10's tables on both pages, in Chromium: the reachability table lists every flow the
 * model needs, and the Pod Security and lifecycle tables are there. The contract with their
 * renderers: a section with a stable id (`reachability`, `pod-security`, `lifecycle`), and one
 * row per flow carrying `data-flow="<flow name>"` (environments/network-flows.ts).
 */

import { NEEDED_FLOWS } from '../../environments/network-flows';
import type { OpenedPage } from './testing/chromium';
import { sharedPages } from './testing/report-pages';

const today = new Date().toISOString().slice(0, 10);

const opened = sharedPages(today);

function pageOf(name: 'gate' | 'report'): OpenedPage {
  return opened().pages[name];
}

describe.each(['gate', 'report'] as const)("issue 10's tables on the %s page", (name) => {
  it.each(['reachability', 'pod-security', 'lifecycle'])('shows the #%s section', async (id) => {
    expect(await pageOf(name).page.locator(`#${id}`).isVisible()).toBe(true);
  });

  it('lists every needed flow of the model in the reachability table, each row visible', async () => {
    const table = pageOf(name).page.locator('#reachability');
    const missing: string[] = [];
    for (const flow of NEEDED_FLOWS) {
      const rows = table.locator(`tr[data-flow="${flow.name}"]`);
      if ((await rows.count()) === 0 || !(await rows.first().isVisible())) missing.push(flow.name);
    }
    expect(missing).toEqual([]);
  });
});
