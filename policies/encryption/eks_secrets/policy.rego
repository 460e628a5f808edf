# METADATA
# title: EKS encrypts Kubernetes secrets with a KMS key
# description: >-
#   The EKS cluster must envelope-encrypt Kubernetes Secrets in etcd with a customer-managed KMS key (encryption_config with resources ["secrets"] and a key ARN).
# custom:
#   id: ECO-ENC-003
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(a)
#     - CIS Amazon EKS Benchmark 5.3.1
#     - AWS FSBP EKS.3
#   equivalents:
#     - Checkov CKV_AWS_58
#     - Trivy AVD-AWS-0039
#   remediation: >-
#     Add encryption_config { resources = ["secrets"], provider { key_arn = <customer-managed key ARN> } } to the aws_eks_cluster.
package ecolaura.encryption.eks_secrets

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["encryption_config"], "encryption_config does not encrypt secrets with a KMS key") if {
	some r in resources.terraform({"aws_eks_cluster"})
	not _encrypts_secrets(r)
}

_encrypts_secrets(r) if {
	some config in resources.blocks(r, "encryption_config")
	"secrets" in object.get(config, "resources", [])
	some key_provider in resources.as_list(object.get(config, "provider", []))
	resources.set_or_planned(r, key_provider, "key_arn", resources.kms_key_types)
}
