/** Sentences and labels the Markdown and HTML reports share, so they never disagree. */

import { plural } from '../render/format-common';
import type { EvidenceReport, ExceptionEvidence, PolicyEvidence } from './evidence';

export function describeGate(report: EvidenceReport): string {
  const { gate } = report;
  return `${gate.passed ? 'passed' : 'failed'}: ${plural(gate.violations, 'unwaived violation')}, ${gate.waived} waived, ${plural(gate.staleExceptions, 'stale exception')}; ${plural(gate.resources, 'resource')} in ${plural(gate.files, 'file')}`;
}

export function describeTests(report: EvidenceReport): string {
  const helpers = report.totals.helperTests;
  return `${report.totals.tests}${helpers > 0 ? ` (plus ${helpers} for the shared helpers in policies/lib/)` : ''}`;
}

export function describeVerdict(policy: PolicyEvidence): string {
  const { violations, waived } = policy.verdict;
  return `${violations === 0 ? 'pass' : 'FAIL'}: ${plural(violations, 'violation')}, ${waived} waived`;
}

export function describeException(exception: ExceptionEvidence): string {
  const scope = exception.environment ?? 'all environments';
  return `#${exception.index} ${exception.status} until ${exception.expires}, ${scope}, resources "${exception.resource}", owner ${exception.owner}, waives ${plural(exception.waives, 'violation')}: ${exception.justification}`;
}

/** Where the evidence comes from and how to replay it, for readers who know Rego but not this repository. */
export const HOW_TO_READ = [
  'Each policy is one folder, `policies/<theme>/<rule>/`: its `policy.rego` has a `# METADATA` block (id, severity, controls, remediation), and its tests, fixtures and mutation rows sit beside it; the list below is read from the compiled catalog after checking it was built from the Rego as committed.',
  "Rego unit tests are the `test_*` rules of the policy's `policy_test.rego`, as compiled into `policies/bundle/tests.wasm`; `npm test` runs every one under opa-wasm (`policies/rego-tests.test.ts`) and `opa test policies/` runs them natively.",
  'Fixtures are raw documents the suite replays through the real gate (`scripts/gate/fixtures.test.ts`): each disallowed one must be refused by its policy, no allowed one may be.',
  'Mutation rows (the `mutations.ts` of the policy folder) plant one defect in a copy of the synthesized output and expect the gate to fail naming the policy (`scripts/gate/mutations.test.ts`).',
  'The verdict is the gate run now on its default targets (the committed Terraform JSON and Kubernetes manifests, and saved plans in `.tfcheck/` when present), with `policies/exceptions.yaml` applied.',
] as const;

export const NO_GAPS =
  'None: every policy has a Rego unit test, an allowed and a disallowed fixture, and a mutation row.';
