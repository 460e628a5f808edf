package ecolaura.encryption.backup_vault_kms_test

import data.ecolaura.encryption.backup_vault_kms
import data.ecolaura.lib.testing_test as t

test_vault_with_key_is_allowed if {
	count(backup_vault_kms.deny) == 0 with input as t.doc([t.tf("aws_backup_vault", "vault", {"name": "backups", "kms_key_arn": "${aws_kms_key.backup.arn}"})])
}

test_vault_without_key_is_denied if {
	t.found(backup_vault_kms.deny) == {["ECO-ENC-006", "aws_backup_vault.vault"]} with input as t.doc([t.tf("aws_backup_vault", "vault", {"name": "backups"})])
}
