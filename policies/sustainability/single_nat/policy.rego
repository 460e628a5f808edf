# METADATA
# title: One NAT gateway outside prod
# description: >-
#   Development and staging share a single NAT gateway: a second one doubles an always-on cost and its energy for availability those environments do not need (prod keeps one per zone).
# custom:
#   id: ECO-GRN-002
#   severity: low
#   controls:
#     - AWS Well-Architected Sustainability SUS05-BP01
#   equivalents: []
#   remediation: >-
#     Create one aws_nat_gateway in dev and staging and route every private subnet through it.
package ecolaura.sustainability.single_nat

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s already has NAT gateway %s; this is one more", [r.environment, first])) if {
	some r in resources.terraform({"aws_nat_gateway"})
	resources.outside_prod(r)
	first := _first_nat(r.group)
	r.address != first
}

_first_nat(group) := sort([n.address |
	some n in resources.terraform({"aws_nat_gateway"})
	n.group == group
])[0]
