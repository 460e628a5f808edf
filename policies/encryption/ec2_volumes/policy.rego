# METADATA
# title: EC2 volumes are encrypted
# description: >-
#   Every EBS volume a launch template or instance defines, and every standalone aws_ebs_volume, must set encrypted = true explicitly, independent of the account default.
# custom:
#   id: ECO-ENC-010
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP EC2.3
#   equivalents:
#     - Checkov CKV_AWS_3
#     - Checkov CKV_AWS_8
#     - Trivy AVD-AWS-0026
#     - Trivy AVD-AWS-0131
#   remediation: >-
#     Set encrypted = true on each block_device_mappings[].ebs of the launch template (root_block_device / ebs_block_device of instances, encrypted on aws_ebs_volume).
package ecolaura.encryption.ec2_volumes

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("block_device_mappings[%s].ebs.encrypted is %s", [name, resources.show(ebs, "encrypted")])) if {
	some r in resources.terraform({"aws_launch_template"})
	some mapping in resources.blocks(r, "block_device_mappings")
	name := object.get(mapping, "device_name", "?")
	some ebs in _ebs_of(mapping)
	not resources.truthy(object.get(ebs, "encrypted", null))
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s.encrypted is %s", [key, resources.show(device, "encrypted")])) if {
	some r in resources.terraform({"aws_instance", "aws_launch_configuration"})
	some key in ["root_block_device", "ebs_block_device"]
	some device in resources.blocks(r, key)
	not resources.truthy(object.get(device, "encrypted", null))
}

deny contains violation.make_at(rego.metadata.chain(), r, ["encrypted"], sprintf("encrypted is %s", [resources.show(r.values, "encrypted")])) if {
	some r in resources.terraform({"aws_ebs_volume"})
	not resources.truthy(object.get(r.values, "encrypted", null))
}

# Without a root_block_device block the root volume's encryption is left to the account default
# and the AMI: a reviewer cannot see it, so the missing block counts as an unencrypted volume.
deny contains violation.make(rego.metadata.chain(), r, "root_block_device is missing, so the root volume's encryption is not declared") if {
	some r in resources.terraform({"aws_instance", "aws_launch_configuration"})
	count(resources.blocks(r, "root_block_device")) == 0
}

# A mapping without an ebs block (e.g. an instance store) is reported as one unencrypted volume.
_ebs_of(mapping) := resources.as_list(mapping.ebs) if mapping.ebs

_ebs_of(mapping) := [{}] if not mapping.ebs
