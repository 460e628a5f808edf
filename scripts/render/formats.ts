/** The report formats `--format` accepts. */

import { formatHtml } from './format-html';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import type { GateReport } from './run-gate';

export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  html: formatHtml,
} as const satisfies Record<string, (report: GateReport) => string>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(value: string): value is FormatName {
  return Object.hasOwn(FORMATTERS, value);
}
