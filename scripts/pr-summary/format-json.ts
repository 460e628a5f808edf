/**
 * The summary as JSON for other tools; the schema is documented in scripts/README.md
 * ("pr:summary JSON"). `schemaVersion` changes whenever a field changes meaning or goes away.
 */
import { countFindings } from '../gate/run-gate';
import type { PrSummary } from './summary';
import { judge } from './verdict';

export const JSON_SCHEMA_VERSION = 1;

export function formatSummaryJson(summary: PrSummary): string {
  const verdict = judge(summary);
  const counts = countFindings(summary.gate);
  const page = {
    schemaVersion: JSON_SCHEMA_VERSION,
    verdict: { ready: verdict.ready, headline: verdict.headline, notices: verdict.notices },
    base: summary.changes ? summary.changes.base : null,
    environments:
      summary.planned?.map((plan) => ({
        stack: plan.stack,
        actions: plan.resources.map((r) => ({
          address: r.address,
          type: r.type,
          action: r.action,
          forcedBy: r.forcedBy,
          changes: r.changes,
        })),
        destructive: plan.destructive,
      })) ?? null,
    kubernetes:
      summary.changes?.environments.map((env) => ({
        environment: env.environment,
        objects: env.objects,
        fields: env.objectFields,
      })) ?? null,
    savedPlans: summary.plans.map((plan) =>
      plan.planned
        ? { environment: plan.environment, file: plan.file, basis: plan.basis, counts: plan.counts }
        : { environment: plan.environment, file: plan.file, basis: 'missing' },
    ),
    drift: summary.drift,
    gate: { failing: counts.failing, stale: counts.stale, bySeverity: counts.bySeverity },
  };
  return `${JSON.stringify(page, null, 2)}\n`;
}
