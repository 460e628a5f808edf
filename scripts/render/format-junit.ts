/**
 * JUnit XML for CI test views: one test suite per policy, one failing test case per violation
 * (named after the resource, with file and line), a skipped case per waived violation, and a
 * single passing case for a policy nothing violates — so every policy shows up as checked.
 */

import builder from 'junit-report-builder';
import { policiesById } from '../gate/catalog';
import type { GateReport } from '../gate/run-gate';
import { exceptionNote, location, occurrencesNote } from './format-common';

export function formatJunit(report: GateReport): string {
  const junit = builder.newBuilder().name('policy gate');
  const policies = policiesById(report.catalog);
  for (const policy of policies) {
    const suite = junit.testSuite().name(`${policy.id} ${policy.title}`).property('severity', policy.severity);
    const findings = report.findings.filter((finding) => finding.policy === policy.id);
    for (const finding of findings) {
      const testCase = suite
        .testCase()
        .className(policy.id)
        .name(`${finding.resource} (${location(finding)})`)
        .file(finding.origin?.source?.file ?? finding.file);
      if (finding.waived) {
        testCase.skipped().standardOutput(exceptionNote(finding));
      } else {
        const notes = [occurrencesNote(finding), exceptionNote(finding)].filter((note) => note !== '');
        testCase.failure([finding.message, ...notes].join('\n'), finding.severity);
      }
    }
    if (findings.length === 0) {
      suite
        .testCase()
        .className(policy.id)
        .name(`no violation among ${report.resourceCount} resources in ${report.files.length} files`);
    }
  }
  return `${junit.build()}\n`;
}
