# METADATA
# title: Every VPC has flow logs
# description: >-
#   Every aws_vpc must have an aws_flow_log of the same stack that names it (vpc_id), capturing ALL traffic, so a breach can be traced through the network.
# custom:
#   id: ECO-SUP-010
#   severity: medium
#   controls:
#     - CIS AWS Foundations Benchmark 3.9
#     - AWS FSBP EC2.6
#     - GDPR Art. 32(1)(d)
#   equivalents:
#     - Checkov CKV2_AWS_11
#     - Trivy AVD-AWS-0178
#   remediation: >-
#     Add an aws_flow_log with vpc_id set to the VPC and traffic_type "ALL", delivering to an encrypted log group.
package ecolaura.supporting.vpc_flow_logs

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, "no aws_flow_log with traffic_type ALL names this VPC") if {
	some r in resources.terraform({"aws_vpc"})
	not _logged(r)
}

_logged(vpc) if {
	some log in resources.linked_back(vpc, resources.terraform({"aws_flow_log"}), "vpc_id", "id")
	resources.value(log.values, "traffic_type", "") == "ALL"
}
