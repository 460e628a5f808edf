# METADATA
# title: Backup retention is set and within the retention label
# description: >-
#   Every AWS Backup plan rule must delete its recovery points (lifecycle.delete_after set) no later than the retention-days tag of the vault it writes to, and RDS automated backups must not outlive the database's retention tag.
# custom:
#   id: ECO-GDPR-007
#   severity: medium
#   controls:
#     - GDPR Art. 5(1)(e)
#     - GDPR Art. 32(1)(c)
#   equivalents: []
#   remediation: >-
#     Set lifecycle { delete_after = N } on each backup plan rule with N not above the target vault's gdpr.ecolaura.io/retention-days, and keep backup_retention_period within the database's tag.
package ecolaura.gdpr.backup_retention

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("rule %s has no lifecycle.delete_after, so recovery points are kept forever", [_rule_name(rule)])) if {
	some r in resources.terraform({"aws_backup_plan"})
	some rule in resources.blocks(r, "rule")
	not _expires(rule)
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.terraform({"aws_backup_plan"})
	some rule in resources.blocks(r, "rule")
	some vault in _target_vaults(r, rule)
	limit := gdpr.retention_limit(vault)
	_delete_after(rule) > limit
	detail := sprintf("rule %s keeps recovery points %d days, beyond the %d days of %s's retention tag", [_rule_name(rule), _delete_after(rule), limit, vault.address])
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	limit := gdpr.retention_limit(r)
	days := to_number(object.get(r.values, "backup_retention_period", 0))
	days > limit
	detail := sprintf("backup_retention_period %d exceeds the retention tag of %d days", [days, limit])
}

# A named rule, not `not _delete_after(rule) > 0`: Rego evaluates the call outside the
# negation, so a missing lifecycle would make the whole rule undefined instead of a violation.
_expires(rule) if _delete_after(rule) > 0

_rule_name(rule) := object.get(rule, "rule_name", "?")

_delete_after(rule) := to_number(lifecycle.delete_after) if {
	some lifecycle in resources.as_list(object.get(rule, "lifecycle", []))
}

# The vault a rule writes to: the one whose name it references ("${aws_backup_vault.x.name}")
# or, in a plan, names literally.
_target_vaults(plan, rule) := {vault |
	some vault in resources.terraform({"aws_backup_vault"})
	vault.group == plan.group
	_names(rule.target_vault_name, vault)
}

_names(value, vault) if contains(value, concat("", ["${", vault.address, "."]))

_names(value, vault) if value == object.get(vault.values, "name", null)
