# METADATA
# title: No Kubernetes Secret with literal data in Git
# description: >-
#   Secrets reach the cluster through External Secrets from AWS Secrets Manager; a Secret object committed with data or stringData puts the secret in Git history in clear (base64 is not encryption).
# custom:
#   id: ECO-ENC-013
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(a)
#     - CIS Amazon EKS Benchmark 5.3.1
#   equivalents: []
#   remediation: >-
#     Remove the Secret from the repository, store the value in AWS Secrets Manager and sync it with an ExternalSecret; rotate the exposed value.
package ecolaura.encryption.kubernetes_secret

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("the Secret carries literal %s (%s)", [field, concat(", ", sort(object.keys(entries)))])) if {
	some r in resources.kubernetes({"Secret"})
	some field in ["data", "stringData"]
	entries := object.get(r.values, field, {})
	count(entries) > 0
}
