/**
 * The gate's report formats `--format` accepts, each loaded only when asked for: SARIF and JUnit
 * bring their builder libraries (`node-sarif-builder`, `junit-report-builder`), which a text run
 * should not pay for.
 */

import type { GateReport } from '../gate/run-gate';

type Formatter = (report: GateReport) => string;

const LOADERS = {
  text: async () => (await import('./format-text')).formatText,
  json: async () => (await import('./format-json')).formatJson,
  sarif: async () => (await import('./format-sarif')).formatSarif,
  junit: async () => (await import('./format-junit')).formatJunit,
  markdown: async () => (await import('./format-markdown')).formatMarkdown,
  html: async () => (await import('./format-html')).formatHtml,
} as const satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof LOADERS;

export const FORMAT_NAMES = Object.keys(LOADERS) as FormatName[];

export function isFormatName(value: string): value is FormatName {
  return Object.hasOwn(LOADERS, value);
}

/** The renderer of one format, loading its module (and its libraries) on first use. */
export function loadFormatter(format: FormatName): Promise<Formatter> {
  return LOADERS[format]();
}
