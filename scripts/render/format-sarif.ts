/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per catalog policy (title, description, help
 * with remediation and controls), one result per finding: its primary location is the TypeScript
 * line that created the resource (the generated files it reached are related locations), or the
 * generated file and line when no source map covers it. Waived
 * findings carry an accepted suppression, so code scanning lists them as dismissed.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */

import { createHash } from 'node:crypto';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import packageJson from '../../package.json';
import type { CatalogPolicy } from '../gate/catalog';
import { policiesById } from '../gate/catalog';
import type { Finding } from '../gate/exceptions';
import { occurrenceOf } from '../gate/group-findings';
import type { GateReport } from '../gate/run-gate';
import type { Severity } from '../gate/types';
import { describeException, describeOccurrence, exceptionNote } from './format-common';

type RelatedLocations = NonNullable<ConstructorParameters<typeof SarifResultBuilder>[0]>['relatedLocations'];

export const TOOL_NAME = 'ecolaura-policy-gate';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub ranks security alerts by this number (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

function helpText(policy: CatalogPolicy): { text: string; markdown: string } {
  const controls = policy.controls.length > 0 ? policy.controls.join('; ') : 'none recorded';
  const equivalents = policy.equivalents.length > 0 ? policy.equivalents.join('; ') : 'none';
  return {
    text: `${policy.remediation}\nControls: ${controls}\nEquivalent scanner rules: ${equivalents}\nPolicy source: ${policy.file}`,
    markdown: [
      `**Remediation:** ${policy.remediation}`,
      '',
      `**Controls:** ${controls}`,
      '',
      `**Equivalent scanner rules:** ${equivalents}`,
      '',
      `**Policy source:** \`${policy.file}\` (package \`${policy.package}\`)`,
    ].join('\n'),
  };
}

function ruleOf(policy: CatalogPolicy): SarifRuleBuilder {
  return new SarifRuleBuilder({
    id: policy.id,
    name: policy.title,
    shortDescription: { text: policy.title },
    fullDescription: { text: policy.description || policy.title },
    help: helpText(policy),
    defaultConfiguration: { level: LEVEL[policy.severity] },
    properties: {
      severity: policy.severity,
      'security-severity': SECURITY_SEVERITY[policy.severity],
      precision: 'high',
      tags: ['security', ...policy.controls],
      controls: [...policy.controls],
      equivalents: [...policy.equivalents],
    },
  });
}

/**
 * The generated places a finding reached, as related locations: with a source location (the
 * primary one, so code scanning annotates the TypeScript line the author changed) every
 * generated occurrence is listed; without one, the occurrences beyond the primary.
 */
function relatedLocations(finding: Finding): RelatedLocations {
  const occurrences = finding.occurrences ?? [occurrenceOf(finding)];
  const related = finding.origin?.source ? occurrences : occurrences.slice(1);
  if (related.length === 0) return undefined;
  return related.map((occurrence, id) => ({
    id,
    message: { text: describeOccurrence(occurrence) },
    physicalLocation: {
      artifactLocation: { uri: occurrence.file },
      region: { startLine: occurrence.line },
    },
  }));
}

export function formatSarif(report: GateReport): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: TOOL_NAME, toolDriverVersion: packageJson.version });
  const policies = policiesById(report.catalog);
  for (const policy of policies) run.addRule(ruleOf(policy));
  for (const finding of report.findings) {
    const fingerprint = createHash('sha256')
      .update(`${finding.policy}\0${finding.resource}\0${finding.file}`)
      .digest('hex');
    const result = new SarifResultBuilder({
      partialFingerprints: { 'ecolauraFinding/v1': fingerprint },
      relatedLocations: relatedLocations(finding),
      properties: { resource: finding.resource, environment: finding.environment, severity: finding.severity },
      ...(finding.waived && finding.exception
        ? {
            suppressions: [
              {
                kind: 'external',
                status: 'accepted',
                justification: `${describeException(finding.exception)}: ${finding.exception.justification}`,
              },
            ],
          }
        : {}),
    });
    const note = finding.exception?.expired ? ` (${exceptionNote(finding)})` : '';
    result.initSimple({
      level: LEVEL[finding.severity],
      messageText: `${finding.message}${note}`,
      ruleId: finding.policy,
      fileUri: finding.origin?.source?.file ?? finding.file,
      startLine: finding.origin?.source?.line ?? finding.line,
    });
    run.addResult(result);
  }
  const builder = new SarifBuilder();
  builder.addRun(run);
  return `${builder.buildSarifJsonString({ indent: true })}\n`;
}
