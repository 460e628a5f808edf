import { compareText } from '../core/compare';
import type { EvidenceGap, PolicyEvidence } from './evidence';

/** Evidence that exists but belongs to no policy of the catalog, found while collecting. */
export interface OrphanEvidence {
  readonly policy: string;
  readonly problem: string;
}

/**
 * What an auditor could not be shown: a policy lacking a Rego unit test, an allowed or a
 * disallowed fixture, or a mutation row; and evidence pointing at a policy that does not exist.
 */
export function findGaps(policies: readonly PolicyEvidence[], orphans: readonly OrphanEvidence[]): EvidenceGap[] {
  const gaps: EvidenceGap[] = [...orphans];
  for (const policy of policies) {
    if (policy.tests.file === null) gaps.push({ policy: policy.id, problem: 'no policy_test.rego beside the policy' });
    if (policy.tests.names.length === 0) gaps.push({ policy: policy.id, problem: 'no Rego unit test in tests.wasm' });
    if (policy.fixtures.allowed.length === 0)
      gaps.push({ policy: policy.id, problem: `no allowed-* fixture in ${policy.fixtures.folder}` });
    if (policy.fixtures.disallowed.length === 0)
      gaps.push({ policy: policy.id, problem: `no disallowed-* fixture in ${policy.fixtures.folder}` });
    if (policy.mutations.length === 0)
      gaps.push({
        policy: policy.id,
        problem: `no mutation row in ${policy.file.replace(/policy\.rego$/, 'mutations.ts')}`,
      });
  }
  return gaps.sort((a, b) => compareText(a.policy, b.policy) || compareText(a.problem, b.problem));
}
