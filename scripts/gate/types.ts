/**
 * The shapes the gate passes between its stages. `PolicyResource` is the policy input contract
 * (policies/README.md describes it for auditors); `Violation` is what the wasm bundle yields.
 */

import type { EnvironmentName } from '../../environments/model';
import { SEVERITIES, type Severity } from '../../environments/vocabulary';

export type SourceKind = 'terraform' | 'terraform-plan' | 'kubernetes';

/** One resource as every Rego rule sees it, whatever file it came from. */
export interface PolicyResource {
  readonly source: SourceKind;
  /** Repo-relative POSIX path of the file the resource was read from. */
  readonly file: string;
  /** 1-based line where the resource starts in `file`. */
  readonly line: number;
  /** Resources that belong together; cross-resource rules correlate only within one group. */
  readonly group: string;
  readonly environment: EnvironmentName | null;
  /** Terraform: the AWS provider's region (or the resource's own); Kubernetes: null. */
  readonly region: string | null;
  /** Terraform resource type, or Kubernetes kind. */
  readonly type: string;
  readonly apiVersion: string | null;
  readonly name: string;
  readonly namespace: string | null;
  /** `aws_db_instance.database` (module-prefixed in plans) or `Kind/namespace/name`. */
  readonly address: string;
  /** Effective tags (provider default_tags under the resource's own) or Kubernetes labels. */
  readonly tags: Record<string, string>;
  readonly values: Record<string, unknown>;
  /** Sorted unique resource addresses this one refers to (Terraform only). */
  readonly references: readonly string[];
  /**
   * Terraform: the addresses each attribute refers to, keyed by the attribute's name at any depth
   * (`{"kms_key_id": ["aws_kms_key.rds"]}`), so one attribute's reference never vouches for
   * another. Kubernetes: `{}`.
   */
  readonly attributeReferences: Readonly<Record<string, readonly string[]>>;
  /**
   * Facts the normalizer computes where Rego would be contorted (CIDR coverage across rules);
   * policies/README.md lists them. `{}` when none apply.
   */
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface PolicyInput {
  readonly resources: readonly PolicyResource[];
}

export { SEVERITIES, type Severity };

/** One violation as `data.ecolaura.main.violations` yields it. */
export interface Violation {
  readonly policy: string;
  readonly severity: Severity;
  readonly title: string;
  readonly resource: string;
  readonly file: string;
  readonly line: number;
  readonly environment: EnvironmentName | null;
  readonly message: string;
  /**
   * The offending attribute, as a path below the resource's `values` (`["storage_encrypted"]`),
   * when the policy names one; `file`/`line` then point at that attribute's line.
   */
  readonly path?: readonly (string | number)[];
  /** Where the finding came from, once located (`locate-findings.ts`); absent on raw bundle output. */
  readonly origin?: FindingOrigin;
}

/** The TypeScript line behind a generated resource, from the synth's `source-map.json`. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly construct: string;
}

/**
 * Which input a finding was read from (`form`, `input`: a plan finding's `file` is the stack's
 * `cdk.tf.json`, its input the plan) and the TypeScript that produced the resource, or null when
 * no source map covers it (fixtures, hand-written files).
 */
export interface FindingOrigin {
  readonly form: SourceKind;
  readonly input: string;
  readonly source: SourceLocation | null;
}
