# METADATA
# title: No layer admits a forbidden network flow
# description: >-
#   The flows the platform must never allow — the internet to the database, to the nodes other than through the load balancer, to the bastion or the API; the public subnets to the database; any pod but the backend and its role Job to PostgreSQL; a namespace no flow declares to another namespace's pods — are decided over the synthesized output like the needed ones (ECO-SUP-050). Each layer that can refuse such a flow must refuse it on its own, so one misconfigured layer never stands alone between the internet and customer data: a layer that admits it is a violation at the rule that admits it. The local route inside the VPC cannot refuse anything and is not judged.
# custom:
#   id: ECO-SUP-051
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(b)
#     - GDPR Art. 25(1)
#     - AWS FSBP EC2.18
#     - CIS Controls v8 13.4
#   remediation: >-
#     Narrow the rule named to the peers the flow model declares: a security group rule referencing the nodes' group instead of a CIDR, a network ACL rule on the declared ports only, a NetworkPolicy peer selecting the declared namespace and pods; then npm run synth.
package ecolaura.supporting.reachability_forbidden

import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("forbidden flow %s is admitted at the %s layer by %s: %s", [e.flow, e.layer, e.rule, e.detail])) if {
	some r in input.resources
	some e in r.facts.reachability
	e.expectation == "forbidden"
	e.verdict == "allowed"
}
