package ecolaura.supporting.prod_backup_resilience_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.prod_backup_resilience

_copying_plan := t.tf("aws_backup_plan", "plan", {"rule": [{
	"rule_name": "daily",
	"target_vault_name": "${aws_backup_vault.vault.name}",
	"copy_action": [{"destination_vault_arn": "${aws_backup_vault.copy.arn}"}],
}]})

_vault := t.tf("aws_backup_vault", "vault", {"name": "backups"})

_lock(days) := t.tf("aws_backup_vault_lock_configuration", "lock", {"backup_vault_name": "${aws_backup_vault.vault.name}", "min_retention_days": days, "max_retention_days": days})

test_copying_plan_and_locked_vault_are_allowed if {
	count(prod_backup_resilience.deny) == 0 with input as t.doc([_copying_plan, _vault, _lock(35)])
}

test_plan_without_copy_is_denied if {
	plan := t.tf("aws_backup_plan", "plan", {"rule": [{"rule_name": "daily", "target_vault_name": "backups"}]})
	some v in prod_backup_resilience.deny with input as t.doc([plan])
	[v.policy, v.resource] == ["ECO-SUP-022", "aws_backup_plan.plan"]
	contains(v.message, `rule "daily" copies no recovery point`)
}

test_vault_without_lock_is_denied if {
	t.found(prod_backup_resilience.deny) == {["ECO-SUP-022", "aws_backup_vault.vault"]} with input as t.doc([_copying_plan, _vault])
}

test_lock_of_another_vault_does_not_count if {
	other := t.tf("aws_backup_vault_lock_configuration", "lock", {"backup_vault_name": "${aws_backup_vault.other.name}", "min_retention_days": 35})
	t.found(prod_backup_resilience.deny) == {["ECO-SUP-022", "aws_backup_vault.vault"]} with input as t.doc([_copying_plan, _vault, other])
}

test_lock_without_minimum_is_denied if {
	lock := t.tf("aws_backup_vault_lock_configuration", "lock", {"backup_vault_name": "${aws_backup_vault.vault.name}", "max_retention_days": 35})
	t.found(prod_backup_resilience.deny) == {["ECO-SUP-022", "aws_backup_vault.vault"]} with input as t.doc([_copying_plan, _vault, lock])
}

test_dev_backups_are_exempt if {
	plan := t.tf_in("aws_backup_plan", "plan", {"rule": [{"rule_name": "daily"}]}, "dev", "eu-west-1")
	vault := t.tf_in("aws_backup_vault", "vault", {"name": "backups"}, "dev", "eu-west-1")
	count(prod_backup_resilience.deny) == 0 with input as t.doc([plan, vault])
}

test_unknown_environment_counts_as_prod if {
	vault := t.tf_in("aws_backup_vault", "vault", {"name": "backups"}, null, "eu-west-1")
	t.found(prod_backup_resilience.deny) == {["ECO-SUP-022", "aws_backup_vault.vault"]} with input as t.doc([vault])
}

test_plan_copy_to_a_vault_created_in_the_same_apply_is_allowed if {
	plan := object.union(
		t.tf("aws_backup_plan", "plan", {"rule": [{"rule_name": "daily", "copy_action": [{"lifecycle": [{"delete_after": 35}]}]}]}),
		{"source": "terraform-plan"},
	)
	count(prod_backup_resilience.deny) == 0 with input as t.doc([plan])
}
