# METADATA
# title: Instances require IMDSv2
# description: >-
#   Launch templates and instances must require session tokens for the instance metadata service (http_tokens = required) with a hop limit of 1 on nodes, so pods cannot lift the node's credentials through SSRF.
# custom:
#   id: ECO-ENC-011
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(b)
#     - AWS FSBP EC2.8
#   equivalents:
#     - Checkov CKV_AWS_79
#     - Trivy AVD-AWS-0028
#     - Trivy AVD-AWS-0130
#   remediation: >-
#     Set metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 } on the launch template (or instance).
package ecolaura.encryption.imdsv2

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["metadata_options", 0, "http_tokens"], sprintf("metadata_options.http_tokens is %s", [resources.show(options, "http_tokens")])) if {
	some r in resources.terraform({"aws_launch_template", "aws_launch_configuration", "aws_instance"})
	some options in _options(r)
	resources.value(options, "http_tokens", "optional") != "required"
}

# Without a metadata_options block AWS defaults to optional tokens: that counts as missing.
_options(r) := blocks if {
	blocks := resources.blocks(r, "metadata_options")
	count(blocks) > 0
}

_options(r) := [{}] if count(resources.blocks(r, "metadata_options")) == 0
