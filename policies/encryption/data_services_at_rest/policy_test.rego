package ecolaura.encryption.data_services_at_rest_test

import data.ecolaura.encryption.data_services_at_rest
import data.ecolaura.lib.testing_test as t

test_encrypted_services_are_allowed if {
	efs := t.tf("aws_efs_file_system", "shared", {"encrypted": true, "kms_key_id": "${aws_kms_key.efs.arn}"})
	cache := t.tf("aws_elasticache_replication_group", "sessions", {"at_rest_encryption_enabled": true})
	search := t.tf("aws_opensearch_domain", "logs", {"encrypt_at_rest": {"enabled": true}})
	count(data_services_at_rest.deny) == 0 with input as t.doc([efs, cache, search])
}

test_unencrypted_efs_is_denied if {
	some v in data_services_at_rest.deny with input as t.doc([t.tf("aws_efs_file_system", "shared", {"performance_mode": "generalPurpose"})])
	[v.policy, v.resource] == ["ECO-ENC-016", "aws_efs_file_system.shared"]
	contains(v.message, "encrypted is missing")
}

test_unencrypted_cache_is_denied if {
	t.found(data_services_at_rest.deny) == {["ECO-ENC-016", "aws_elasticache_replication_group.sessions"]} with input as t.doc([t.tf("aws_elasticache_replication_group", "sessions", {"at_rest_encryption_enabled": false})])
}

test_opensearch_without_encryption_at_rest_is_denied if {
	t.found(data_services_at_rest.deny) == {["ECO-ENC-016", "aws_opensearch_domain.logs"]} with input as t.doc([t.tf("aws_opensearch_domain", "logs", {"encrypt_at_rest": [{"enabled": false}]})])
}
