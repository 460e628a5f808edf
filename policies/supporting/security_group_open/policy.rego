# METADATA
# title: No security group admits the internet except HTTP(S) on load balancers
# description: >-
#   No port of a security group may be open to the whole internet, except TCP 80 and 443 on a security group attached to a load balancer (aws_lb, aws_alb, aws_elb) of the same stack. Coverage, not spelling, decides: the normalizer unions the CIDR blocks of every ingress rule of the group per protocol and port (inline ingress blocks, aws_security_group_rule and aws_vpc_security_group_ingress_rule, all-protocol rules included, IPv4 and IPv6) into the group's facts.internetIngress, so 0.0.0.0/1 plus 128.0.0.0/1 is the internet too.
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

_load_balancers := {"aws_lb", "aws_alb", "aws_elb"}

# Groups carry the union of their rules; a rule on a group the stack does not declare carries its own.
_judged := {"aws_security_group", "aws_default_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"}

deny contains violation.make(rego.metadata.chain(), r, _detail(open)) if {
	some r in resources.terraform(_judged)
	some open in object.get(r, ["facts", "internetIngress"], [])
	not _web_on_load_balancer(open, r)
}

_web_on_load_balancer(open, group) if {
	open.protocol == "tcp"
	open.fromPort == open.toPort
	open.fromPort in {80, 443}
	group.type in {"aws_security_group", "aws_default_security_group"}
	some lb in resources.terraform(_load_balancers)
	lb.group == group.group
	group.address in lb.references
}

# Built with concat and format_int, not sprintf %v: opa-wasm runs sprintf in JavaScript
# (sprintf-js), whose %v does not format like Go's, and the text must not depend on the engine.
_detail(open) := concat("", [
	"ingress ", open.protocol, " ", format_int(open.fromPort, 10), "-", format_int(open.toPort, 10),
	" is open to the whole ", open.family, " internet through ", concat(", ", open.rules),
])
