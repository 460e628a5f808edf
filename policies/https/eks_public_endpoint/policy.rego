# METADATA
# title: EKS API endpoint is not open to the internet
# description: >-
#   The cluster's Kubernetes API must be private, or public only to listed networks. AWS opens
#   the public endpoint to 0.0.0.0/0 when endpoint_public_access is left out, so leaving it out
#   counts as open. The listed networks are judged by coverage, not spelling: CIDRs that together
#   span the internet (0.0.0.0/1 plus 128.0.0.0/1) are as open as 0.0.0.0/0, and a value known
#   only at apply (a variable) counts as open.
# custom:
#   id: ECO-TLS-006
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(b)
#     - CIS Amazon EKS Benchmark 5.4.2
#     - AWS FSBP EKS.1
#   equivalents:
#     - Checkov CKV_AWS_39
#     - Checkov CKV_AWS_38
#     - Trivy AVD-AWS-0040
#     - Trivy AVD-AWS-0041
#   remediation: >-
#     Set vpc_config.endpoint_public_access = false and endpoint_private_access = true (reach the
#     API through the VPC), or restrict public_access_cidrs to the operators' networks.
package ecolaura.https.eks_public_endpoint

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.terraform({"aws_eks_cluster"})
	some config in _vpc_configs(r)
	not resources.falsy(object.get(config, "endpoint_public_access", null))
	not _restricted(r)
	detail := sprintf("vpc_config.endpoint_public_access is %s with public_access_cidrs %s", [
		resources.show(config, "endpoint_public_access"),
		resources.show(config, "public_access_cidrs"),
	])
}

# A cluster without a vpc_config block cannot be reviewed: it counts as open.
_vpc_configs(r) := configs if {
	configs := resources.blocks(r, "vpc_config")
	count(configs) > 0
}

_vpc_configs(r) := [{}] if count(resources.blocks(r, "vpc_config")) == 0

# The normalizer unions the CIDR blocks (scripts/gate/terraform-facts.ts): 0.0.0.0/1 plus
# 128.0.0.0/1, or an absent list (AWS then allows 0.0.0.0/0), span the internet like 0.0.0.0/0.
_restricted(r) if object.get(r, ["facts", "publicAccessCidrsCoverInternet"], true) == false
