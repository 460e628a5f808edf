# METADATA
# title: EBS encryption by default is on wherever nodes run
# description: >-
#   A stack that runs EC2 capacity (EKS node groups, instances, launch templates, volumes) must turn on EBS encryption by default for the account and region, so no volume is ever created in clear, whatever creates it. The setting is regional: one on a provider alias in another region does not cover capacity in the stack's region.
# custom:
#   id: ECO-ENC-009
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP EC2.7
#   equivalents:
#     - Checkov CKV_AWS_106
#   remediation: >-
#     Add aws_ebs_encryption_by_default with enabled = true to the stack.
package ecolaura.encryption.ebs_default

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_compute_types := {"aws_eks_node_group", "aws_instance", "aws_launch_template", "aws_ebs_volume", "aws_autoscaling_group", "aws_launch_configuration"}

deny contains violation.make_at(rego.metadata.chain(), r, ["enabled"], sprintf("enabled is %s", [resources.show(r.values, "enabled")])) if {
	some r in resources.terraform({"aws_ebs_encryption_by_default"})
	not resources.truthy(object.get(r.values, "enabled", null))
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("its stack has no aws_ebs_encryption_by_default with enabled = true in its region %s", [_region(r)])) if {
	some r in resources.terraform(_compute_types)
	not _enabled_in(r)
}

# The setting is regional: one on a provider alias in another region covers nothing here.
_enabled_in(r) if {
	some setting in resources.terraform({"aws_ebs_encryption_by_default"})
	setting.group == r.group
	setting.region == r.region
	resources.truthy(object.get(setting.values, "enabled", null))
}

_region(r) := r.region if is_string(r.region)

_region(r) := "(unknown)" if not is_string(r.region)
