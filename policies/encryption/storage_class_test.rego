package ecolaura.encryption.storage_class_test

import data.ecolaura.encryption.storage_class
import data.ecolaura.lib.testing_test as t

_class(parameters) := t.k8s({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "gp3"}, "provisioner": "ebs.csi.aws.com", "parameters": parameters})

test_encrypted_class_is_allowed if {
	count(storage_class.deny) == 0 with input as t.doc([_class({"type": "gp3", "encrypted": "true"})])
}

test_class_without_encryption_is_denied if {
	t.found(storage_class.deny) == {["ECO-ENC-012", "StorageClass/gp3"]} with input as t.doc([_class({"type": "gp3"})])
}

test_other_provisioners_are_out_of_scope if {
	efs := t.k8s({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "efs"}, "provisioner": "efs.csi.aws.com"})
	count(storage_class.deny) == 0 with input as t.doc([efs])
}
