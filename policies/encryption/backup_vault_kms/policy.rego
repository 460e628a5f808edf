# METADATA
# title: Backup vaults are encrypted with a customer-managed key
# description: >-
#   Recovery points are full copies of the database; the backup vault must encrypt them with a customer-managed KMS key.
# custom:
#   id: ECO-ENC-006
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - GDPR Art. 32(1)(c)
#   equivalents:
#     - Checkov CKV_AWS_166
#   remediation: >-
#     Set kms_key_arn on the aws_backup_vault to the backup key ARN.
package ecolaura.encryption.backup_vault_kms

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["kms_key_arn"], "kms_key_arn is not set") if {
	some r in resources.terraform({"aws_backup_vault"})
	not resources.set_or_planned(r, r.values, "kms_key_arn", resources.kms_key_types)
}
