# METADATA
# title: The default security group of every VPC admits nothing
# description: >-
#   Every aws_vpc must have an aws_default_security_group of the same stack that names it and declares no ingress and no egress rule, so a resource left in the default group reaches nothing. Without one, AWS's default group lets its members talk to each other and out to everywhere.
# custom:
#   id: ECO-SUP-011
#   severity: medium
#   controls:
#     - CIS AWS Foundations Benchmark 5.4
#     - AWS FSBP EC2.2
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Checkov CKV2_AWS_12
#     - Trivy AVD-AWS-0173
#   remediation: >-
#     Add an aws_default_security_group for the VPC with ingress = [] and egress = [].
package ecolaura.supporting.default_security_group

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, "no aws_default_security_group names this VPC, so AWS's allow-all default group stays") if {
	some r in resources.terraform({"aws_vpc"})
	count(_default_groups(r)) == 0
}

deny contains violation.make(rego.metadata.chain(), group, sprintf("the default security group declares %s rules", [direction])) if {
	some group in resources.terraform({"aws_default_security_group"})
	some direction in ["ingress", "egress"]
	_has_rules(group, direction)
}

_default_groups(vpc) := resources.linked_back(vpc, resources.terraform({"aws_default_security_group"}), "vpc_id", "id")

# A rule list that is unknown until apply (a dynamic block or variable) counts as rules.
_has_rules(group, direction) if count(resources.blocks(group, direction)) > 0

_has_rules(group, direction) if resources.unknown(object.get(group.values, direction, null))
