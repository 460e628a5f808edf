/**
 * Chromium for the page tests, driven by playwright-core. The browser is the system's (Debian's
 * `chromium`, which `.ci/run` installs; Google Chrome on GitHub's runners, passed as
 * `CHROMIUM_BIN` by the workflow): playwright's own browser download cannot run offline. A
 * missing browser is an error that fails the test, never a skip.
 */

import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `CHROMIUM_BIN` when set (it must be executable), else `chromium` on PATH. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CHROMIUM_BIN;
  if (chosen) {
    if (!isExecutable(chosen)) throw new Error(`CHROMIUM_BIN=${chosen} is not an executable file`);
    return chosen;
  }
  const found = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'chromium'))
    .find(isExecutable);
  if (found === undefined) {
    throw new Error(
      'no Chromium for the page tests: install Debian\u2019s chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_BIN to a Chromium or Chrome executable',
    );
  }
  return found;
}

/**
 * Headless, and quiet on the network: the pages need none, and a closed network makes Chromium's
 * background services log connection errors at every start.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}

export interface OpenedPage {
  readonly page: Page;
  /**
   * Console errors and warnings, uncaught page errors, and requests for anything but the page
   * itself (it must be self-contained: no script, stylesheet, font or image from elsewhere).
   */
  readonly problems: string[];
  /** Closes the page's context and removes its file. */
  readonly close: () => Promise<void>;
}

/**
 * Opens `html` from a file, as a reviewer opens the CI artifact, recording every problem the
 * browser reports while it loads.
 */
export async function openHtml(browser: Browser, html: string, name: string): Promise<OpenedPage> {
  const dir = mkdtempSync(join(tmpdir(), 'ecolaura-page-'));
  const file = join(dir, name);
  writeFileSync(file, html);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const url = pathToFileURL(file).href;
  page.on('request', (request) => {
    if (request.url() !== url) problems.push(`request beyond the page: ${request.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response !== null && !response.ok()) problems.push(`load: status ${response.status()}`);
  return {
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
