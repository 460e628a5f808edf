import type { EvidenceReport } from './evidence';
import { GENERATED_BY } from './summary-line';

/** The evidence as data, for tools that archive or compare reports. */
export function formatJson(report: EvidenceReport): string {
  return `${JSON.stringify({ '//': GENERATED_BY, ...report }, null, 2)}\n`;
}
