package ecolaura.encryption.kms_rotation_test

import data.ecolaura.encryption.kms_rotation
import data.ecolaura.lib.testing_test as t

test_rotating_key_is_allowed if {
	count(kms_rotation.deny) == 0 with input as t.doc([t.tf("aws_kms_key", "db", {"enable_key_rotation": true})])
}

test_key_without_rotation_is_denied if {
	t.found(kms_rotation.deny) == {["ECO-ENC-004", "aws_kms_key.db"]} with input as t.doc([t.tf("aws_kms_key", "db", {"description": "database"})])
}

test_asymmetric_key_is_out_of_scope if {
	count(kms_rotation.deny) == 0 with input as t.doc([t.tf("aws_kms_key", "signing", {"customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY"})])
}
