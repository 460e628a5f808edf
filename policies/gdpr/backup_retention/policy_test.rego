package ecolaura.gdpr.backup_retention_test

import data.ecolaura.gdpr.backup_retention
import data.ecolaura.lib.testing_test as t

_vault := t.tf("aws_backup_vault", "vault", {"name": "shop-backups", "tags": {"gdpr.ecolaura.io/retention-days": "30"}})

_plan(lifecycle) := t.tf("aws_backup_plan", "daily", {"name": "daily", "rule": [object.union(
	{"rule_name": "daily", "target_vault_name": "${aws_backup_vault.vault.name}", "schedule": "cron(0 3 * * ? *)"},
	lifecycle,
)]})

test_retention_within_vault_label_is_allowed if {
	count(backup_retention.deny) == 0 with input as t.doc([_vault, _plan({"lifecycle": {"delete_after": 30}})])
}

test_rule_without_lifecycle_is_denied if {
	t.found(backup_retention.deny) == {["ECO-GDPR-007", "aws_backup_plan.daily"]} with input as t.doc([_vault, _plan({})])
}

test_rule_beyond_vault_label_is_denied if {
	some v in backup_retention.deny with input as t.doc([_vault, _plan({"lifecycle": [{"delete_after": 35}]})])
	[v.policy, v.resource] == ["ECO-GDPR-007", "aws_backup_plan.daily"]
	contains(v.message, "keeps recovery points 35 days, beyond the 30 days of aws_backup_vault.vault's retention tag")
}

test_database_backups_beyond_tag_are_denied if {
	db := t.tf("aws_db_instance", "db", {"backup_retention_period": 35, "tags": {"gdpr.ecolaura.io/retention-days": "30"}})
	t.found(backup_retention.deny) == {["ECO-GDPR-007", "aws_db_instance.db"]} with input as t.doc([db])
}
