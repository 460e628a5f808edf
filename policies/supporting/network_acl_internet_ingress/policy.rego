# METADATA
# title: Network ACLs admit no internet ingress on every protocol or on remote-administration ports
# description: >-
#   A network ACL rule that allows ingress from 0.0.0.0/0 or ::/0 must name one protocol (never -1, all protocols) and a port range that covers neither 22 (SSH) nor 3389 (RDP). Standalone aws_network_acl_rule resources and the inline ingress blocks of aws_network_acl and aws_default_network_acl are all checked. The platform's ACLs are derived from its declared flows, which need neither.
# custom:
#   id: ECO-SUP-021
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(b)
#     - AWS FSBP EC2.21
#     - CIS AWS Foundations 5.1
#   equivalents:
#     - Checkov CKV_AWS_231
#     - Checkov CKV_AWS_232
#     - Checkov CKV_AWS_352
#   remediation: >-
#     Declare the flow in environments/network-flows.ts instead of widening a rule, and npm run synth: the derived rules name one protocol and leave 22 and 3389 out of every internet range. People reach hosts through the SSM bastion.
package ecolaura.supporting.network_acl_internet_ingress

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_internet := {"0.0.0.0/0", "::/0"}

_remote_administration := [22, 3389]

_all_protocols := {"-1", "all", -1}

deny contains violation.make(rego.metadata.chain(), r, _message(r.values)) if {
	some r in resources.terraform({"aws_network_acl_rule"})
	not resources.truthy(object.get(r.values, "egress", false))
	object.get(r.values, "rule_action", "") == "allow"
	_from_internet(object.get(r.values, "cidr_block", null), object.get(r.values, "ipv6_cidr_block", null))
	_too_open(r.values)
}

deny contains violation.make(rego.metadata.chain(), r, _message(rule)) if {
	some r in resources.terraform({"aws_network_acl", "aws_default_network_acl"})
	some rule in resources.blocks(r, "ingress")
	object.get(rule, "action", "") == "allow"
	_from_internet(object.get(rule, "cidr_block", null), object.get(rule, "ipv6_cidr_block", null))
	_too_open(rule)
}

_from_internet(cidr, _) if cidr in _internet

_from_internet(_, ipv6) if ipv6 in _internet

_too_open(rule) if object.get(rule, "protocol", null) in _all_protocols

_too_open(rule) if {
	some port in _remote_administration
	object.get(rule, "from_port", 0) <= port
	port <= object.get(rule, "to_port", 65535)
}

_message(rule) := sprintf("allows ingress from the internet on protocol %s, ports %s-%s", [
	_text(object.get(rule, "protocol", "?")),
	_text(object.get(rule, "from_port", "?")),
	_text(object.get(rule, "to_port", "?")),
])

# json.marshal, not sprintf %v: opa-wasm formats %v differently from Go (see security_group_open).
_text(x) := x if is_string(x)

_text(x) := json.marshal(x) if not is_string(x)
