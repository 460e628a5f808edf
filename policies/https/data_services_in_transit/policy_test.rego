package ecolaura.https.data_services_in_transit_test

import data.ecolaura.https.data_services_in_transit
import data.ecolaura.lib.testing_test as t

_domain(options) := t.tf("aws_opensearch_domain", "logs", object.union({"node_to_node_encryption": {"enabled": true}}, options))

_https := {"domain_endpoint_options": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}}

test_encrypted_transit_is_allowed if {
	cache := t.tf("aws_elasticache_replication_group", "sessions", {"transit_encryption_enabled": true})
	efs := t.tf("aws_efs_file_system", "shared", {"encrypted": true})
	policy := t.tf("aws_efs_file_system_policy", "shared", {"file_system_id": "${aws_efs_file_system.shared.id}", "policy": "{\"Statement\":[{\"Effect\":\"Deny\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"})
	count(data_services_in_transit.deny) == 0 with input as t.doc([cache, _domain(_https), efs, policy])
}

test_cache_without_transit_encryption_is_denied if {
	some v in data_services_in_transit.deny with input as t.doc([t.tf("aws_elasticache_replication_group", "sessions", {})])
	[v.policy, v.resource] == ["ECO-TLS-011", "aws_elasticache_replication_group.sessions"]
	contains(v.message, "transit_encryption_enabled is missing")
}

test_opensearch_without_https_is_denied if {
	some v in data_services_in_transit.deny with input as t.doc([_domain({"domain_endpoint_options": {"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}})])
	[v.policy, v.resource] == ["ECO-TLS-011", "aws_opensearch_domain.logs"]
	contains(v.message, "enforce_https is not true")
}

test_opensearch_with_tls_1_0_policy_is_denied if {
	some v in data_services_in_transit.deny with input as t.doc([_domain({"domain_endpoint_options": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}})])
	contains(v.message, "tls_security_policy is not a TLS 1.2+ policy")
}

test_efs_without_secure_transport_policy_is_denied if {
	t.found(data_services_in_transit.deny) == {["ECO-TLS-011", "aws_efs_file_system.shared"]} with input as t.doc([t.tf("aws_efs_file_system", "shared", {"encrypted": true})])
}
