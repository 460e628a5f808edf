/**
 * The auditor evidence report's content, independent of its format: per policy, what it checks,
 * the controls it evidences, and the proof that it is tested and enforced. Every list is sorted
 * and nothing depends on the clock except exception status, judged on an explicit day.
 */

import type { EnvironmentName } from '../../environments/model';
import type { CatalogPolicy } from '../gate/catalog';
import type { ReachabilityRow } from '../reality/reachability-table';
import type { RealityTables } from '../reality/report-tables';

export interface RegoTestEvidence {
  /** Repo-relative path of the policy's `policy_test.rego`, or null when it has none. */
  readonly file: string | null;
  /** The `test_*` rules of its `…_test` package, as tests.wasm exposes and Jest runs them. */
  readonly names: readonly string[];
}

export interface FixtureEvidence {
  /** `policies/<theme>/<rule>/fixtures/`. */
  readonly folder: string;
  /** File names below the folder, e.g. `prod/allowed-multi-az.json`. */
  readonly allowed: readonly string[];
  readonly disallowed: readonly string[];
}

export interface MutationEvidence {
  /** The defect planted in a copy of the synthesized output, as a reviewer would describe it. */
  readonly defect: string;
}

export interface ExceptionEvidence {
  /** 0-based position in policies/exceptions.yaml. */
  readonly index: number;
  readonly resource: string;
  readonly environment: EnvironmentName | null;
  readonly owner: string;
  readonly justification: string;
  readonly expires: string;
  readonly status: 'active' | 'expired';
  /** Violations of the current repository this exception waives. */
  readonly waives: number;
}

export interface VerdictFinding {
  readonly resource: string;
  /** `file:line`. */
  readonly location: string;
  readonly message: string;
}

export interface VerdictEvidence {
  /** Unwaived violations on the repository as committed. */
  readonly violations: number;
  readonly waived: number;
  readonly failing: readonly VerdictFinding[];
}

/** A catalog entry with the evidence that it is tested and enforced. */
export interface PolicyEvidence extends CatalogPolicy {
  /** The policy's theme: the folder under policies/ (`https`, `encryption`, …). */
  readonly theme: string;
  readonly tests: RegoTestEvidence;
  readonly fixtures: FixtureEvidence;
  readonly mutations: readonly MutationEvidence[];
  readonly exceptions: readonly ExceptionEvidence[];
  readonly verdict: VerdictEvidence;
}

/** A missing piece of evidence: a policy without a test, a fixture or a mutation row, or an orphan. */
export interface EvidenceGap {
  readonly policy: string;
  readonly problem: string;
}

export interface ControlEntry {
  /** As the METADATA writes it, e.g. `GDPR Art. 32(1)(a)`. */
  readonly control: string;
  /** Ids of the policies that evidence it, sorted. */
  readonly policies: readonly string[];
}

export interface BundleIdentity {
  /** sha256 over the sorted Rego sources, entrypoints and opa version (manifest `sourcesSha256`). */
  readonly sourcesSha256: string;
  readonly opaVersion: string;
  /** sha256 of each compiled artifact, by file name. */
  readonly artifacts: Readonly<Record<string, string>>;
}

export interface GateVerdict {
  readonly passed: boolean;
  readonly violations: number;
  readonly waived: number;
  readonly staleExceptions: number;
  readonly resources: number;
  readonly files: number;
}

export interface EvidenceTotals {
  readonly policies: number;
  /** Rego unit tests attached to a policy. */
  readonly tests: number;
  /** Rego unit tests of the shared helpers (`policies/lib/`), attached to no single policy. */
  readonly helperTests: number;
  readonly fixtures: number;
  readonly mutations: number;
  readonly exceptions: number;
}

export interface EvidenceReport {
  readonly bundle: BundleIdentity;
  /** The day exception expiry is judged on, `YYYY-MM-DD`. */
  readonly today: string;
  readonly totals: EvidenceTotals;
  readonly gate: GateVerdict;
  /** The Pod Security and support lifecycle tables of that gate run (reality checks). */
  readonly reality: RealityTables;
  /** The reachability table of the gate run (facts.reachability): every flow, layer by layer. */
  readonly reachability: readonly ReachabilityRow[];
  readonly gaps: readonly EvidenceGap[];
  readonly controls: readonly ControlEntry[];
  readonly policies: readonly PolicyEvidence[];
}

/** 0 when the repository passes and every policy has its evidence, else 1. */
export function exitCodeOfEvidence(report: EvidenceReport): 0 | 1 {
  return report.gate.passed && report.gaps.length === 0 ? 0 : 1;
}
