# METADATA
# title: Production backups leave the region and cannot be deleted early
# description: >-
#   In prod (and wherever the environment is unknown), every AWS Backup plan rule must copy its
#   recovery points to another vault (copy_action with a destination_vault_arn: the platform
#   sends it to a second EU region under that region's own key), and every backup vault must
#   carry an AWS Backup Vault Lock (aws_backup_vault_lock_configuration) with a minimum retention,
#   so losing the region, the account's primary key or an administrator's judgement does not
#   take the backups with it.
# custom:
#   id: ECO-SUP-022
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(b)
#     - GDPR Art. 32(1)(c)
#   equivalents: []
#   remediation: >-
#     Set backup.copyRegion and backup.vaultLock in environments/prod.ts: the plan rule gets a
#     copy_action to the vault in the second region, and each vault an
#     aws_backup_vault_lock_configuration with min_retention_days.
package ecolaura.supporting.prod_backup_resilience

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("rule %s copies no recovery point to another vault (copy_action)", [json.marshal(object.get(rule, "rule_name", "unnamed"))])) if {
	some r in resources.terraform({"aws_backup_plan"})
	not resources.outside_prod(r)
	some rule in resources.blocks(r, "rule")
	not _copies(rule)
}

deny contains violation.make(rego.metadata.chain(), r, "has no Vault Lock (aws_backup_vault_lock_configuration with min_retention_days)") if {
	some r in resources.terraform({"aws_backup_vault"})
	not resources.outside_prod(r)
	count({lock | some lock in _locks_of(r); _holds_minimum(lock)}) == 0
}

_copies(rule) if {
	some copy in resources.as_list(object.get(rule, "copy_action", []))
	_destination_set(copy)
}

_destination_set(copy) if resources.present(object.get(copy, "destination_vault_arn", null))

# A plan leaves out values known only after apply (the new vault's ARN); the block is there.
_destination_set(copy) if not "destination_vault_arn" in object.keys(copy)

_locks_of(vault) := resources.linked_back(vault, resources.terraform({"aws_backup_vault_lock_configuration"}), "backup_vault_name", "name")

_holds_minimum(lock) if {
	days := object.get(lock.values, "min_retention_days", null)
	is_number(days)
	days >= 1
}
