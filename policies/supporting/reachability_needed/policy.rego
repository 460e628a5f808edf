# METADATA
# title: Every needed network flow passes every layer it crosses
# description: >-
#   The flows the platform needs (environments/network-flows.ts for the AWS layers; the pod-level flows of scripts/reality/reachability-cluster-flows.ts: DNS for every namespace, every Prometheus scrape, the log pipeline hop by hop, load balancers to their pods, the backend to PostgreSQL, the API server to webhooks) are decided over the synthesized output: routes, internet and NAT gateways and endpoints, network ACLs (stateless, rule order, both directions, ephemeral return ports), security groups (stateful, group references) and Kubernetes NetworkPolicies (selectors, default deny, ingress and egress). The gate computes facts.reachability in TypeScript; a needed flow some layer blocks is a violation at the rule that blocked it, since the platform would deploy and then not work.
# custom:
#   id: ECO-SUP-050
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(b)
#     - CIS Controls v8 12.2
#   remediation: >-
#     Let the flow through at the layer named: add the network ACL rule (and its return rule on the client's ephemeral ports) in terraform/network, the security group rule in the stack, or the NetworkPolicy allowance in apps/platform/network-flows.ts; then npm run synth. The table of the gate's HTML page shows every layer's verdict.
package ecolaura.supporting.reachability_needed

import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("needed flow %s is blocked at the %s layer by %s: %s", [e.flow, e.layer, e.rule, e.detail])) if {
	some r in input.resources
	some e in r.facts.reachability
	e.expectation == "needed"
	e.verdict == "blocked"
}
