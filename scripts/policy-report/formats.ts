/** The formats `--format` accepts. */

import type { EvidenceReport } from './evidence';
import { formatHtml } from './format-html';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';

export const REPORT_FORMATTERS = {
  markdown: formatMarkdown,
  html: formatHtml,
  json: formatJson,
} as const satisfies Record<string, (report: EvidenceReport) => string>;

export type ReportFormatName = keyof typeof REPORT_FORMATTERS;

export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATTERS) as ReportFormatName[];
