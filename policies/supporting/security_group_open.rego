# METADATA
# title: No security group admits the internet except HTTP(S) on load balancers
# description: >-
#   No ingress rule may admit 0.0.0.0/0 or ::/0, except TCP 80 and 443 on a security group attached to a load balancer (aws_lb, aws_alb, aws_elb) of the same stack. Inline ingress blocks, aws_security_group_rule and aws_vpc_security_group_ingress_rule are all checked.
# custom:
#   id: ECO-SUP-002
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(b)
#     - AWS FSBP EC2.18
#     - AWS FSBP EC2.19
#   equivalents:
#     - Checkov CKV_AWS_24
#     - Checkov CKV_AWS_25
#     - Checkov CKV_AWS_260
#     - Trivy AVD-AWS-0107
#   remediation: >-
#     Restrict the rule's source to the VPC, a security group or known CIDRs (reach nodes through SSM, not SSH), or move public HTTP(S) onto a load balancer's security group.
package ecolaura.supporting.security_group_open

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_open := {"0.0.0.0/0", "::/0"}

_load_balancers := {"aws_lb", "aws_alb", "aws_elb"}

deny contains violation.make(rego.metadata.chain(), r, sprintf("ingress %s from %s is open to the internet", [_ports(rule), cidr])) if {
	some r in resources.terraform({"aws_security_group", "aws_default_security_group"})
	some rule in resources.blocks(r, "ingress")
	some cidr in _cidrs(rule)
	not _web_on_load_balancer(rule, {r})
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("ingress %s from %s is open to the internet", [_ports(r.values), cidr])) if {
	some r in resources.terraform({"aws_security_group_rule"})
	object.get(r.values, "type", "") == "ingress"
	some cidr in _cidrs(r.values)
	not _web_on_load_balancer(r.values, _groups_of(r))
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("ingress %s from %s is open to the internet", [_ports(r.values), cidr])) if {
	some r in resources.terraform({"aws_vpc_security_group_ingress_rule"})
	some cidr in _cidrs(r.values)
	not _web_on_load_balancer(r.values, _groups_of(r))
}

_cidrs(rule) := {cidr |
	some key in ["cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6"]
	some cidr in _strings(object.get(rule, key, []))
	cidr in _open
}

_strings(x) := x if is_array(x)

_strings(x) := [x] if is_string(x)

_strings(x) := [] if x == null

_groups_of(r) := resources.linked(r, resources.terraform({"aws_security_group"}), "security_group_id", "id")

_web_on_load_balancer(rule, groups) if {
	object.get(rule, "protocol", object.get(rule, "ip_protocol", "")) in {"tcp", "6"}
	rule.from_port == rule.to_port
	rule.from_port in {80, 443}
	some group in groups
	some lb in resources.terraform(_load_balancers)
	lb.group == group.group
	group.address in lb.references
}

# Built with concat and json.marshal, not sprintf %v: opa-wasm runs sprintf in JavaScript
# (sprintf-js), whose %v does not format like Go's, and the text must not depend on the engine.
_ports(rule) := concat("", [
	_text(object.get(rule, "protocol", object.get(rule, "ip_protocol", "?"))), " ",
	_text(object.get(rule, "from_port", "?")), "-", _text(object.get(rule, "to_port", "?")),
])

_text(x) := x if is_string(x)

_text(x) := json.marshal(x) if not is_string(x)
