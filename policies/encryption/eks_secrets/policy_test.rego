package ecolaura.encryption.eks_secrets_test

import data.ecolaura.encryption.eks_secrets
import data.ecolaura.lib.testing_test as t

test_config_block_object_is_allowed if {
	count(eks_secrets.deny) == 0 with input as t.doc([t.tf("aws_eks_cluster", "main", {"encryption_config": {"resources": ["secrets"], "provider": {"key_arn": "${aws_kms_key.eks.arn}"}}})])
}

test_plan_block_list_is_allowed if {
	count(eks_secrets.deny) == 0 with input as t.doc([t.tf("aws_eks_cluster", "main", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abc"}]}]})])
}

test_missing_encryption_config_is_denied if {
	t.found(eks_secrets.deny) == {["ECO-ENC-003", "aws_eks_cluster.main"]} with input as t.doc([t.tf("aws_eks_cluster", "main", {"name": "shop"})])
}

test_config_without_key_is_denied if {
	t.found(eks_secrets.deny) == {["ECO-ENC-003", "aws_eks_cluster.main"]} with input as t.doc([t.tf("aws_eks_cluster", "main", {"encryption_config": {"resources": ["secrets"], "provider": {}}})])
}
