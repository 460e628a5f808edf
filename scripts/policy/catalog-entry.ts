/**
 * One policy of the catalog (policies/bundle/catalog.json), as `npm run policy:build` writes it
 * from the policy's METADATA and every reader (gate, SARIF, reports, README table) reads it.
 */

import type { Severity } from '../../environments/vocabulary';

export interface CatalogEntry {
  /** Stable id of the theme's family, e.g. `ECO-ENC-001`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  /** Controls the policy evidences (GDPR articles, CIS, AWS FSBP), as readable labels. */
  readonly controls: readonly string[];
  /** Equivalent rules of well-known scanners (Checkov, Trivy, Kyverno…), as labels. */
  readonly equivalents: readonly string[];
  readonly remediation: string;
  /** The theme folder, e.g. `encryption`. */
  readonly theme: string;
  /** Rego package of the rule, e.g. `ecolaura.encryption.rds_storage`. */
  readonly package: string;
  /** Repo-relative path of the policy's `policy.rego`. */
  readonly file: string;
}
