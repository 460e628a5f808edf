package ecolaura.encryption.storage_class_test

import data.ecolaura.encryption.storage_class
import data.ecolaura.lib.testing_test as t

_key := "arn:aws:kms:eu-west-1:210000000003:alias/ecolaura-prod-ebs"

_tags := {
	"tagSpecification_1": "gdpr.ecolaura.io/data-classification=confidential",
	"tagSpecification_2": "gdpr.ecolaura.io/lawful-basis=legitimate-interests",
	"tagSpecification_3": "gdpr.ecolaura.io/personal-data=true",
	"tagSpecification_4": "gdpr.ecolaura.io/retention-days=90",
}

_class(parameters) := t.k8s({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "gp3"}, "provisioner": "ebs.csi.aws.com", "parameters": parameters})

_good := object.union({"type": "gp3", "encrypted": "true", "kmsKeyId": _key}, _tags)

_messages(doc) := {v.message |
	some v in storage_class.deny with input as doc
}

test_encrypted_tagged_class_with_the_platform_key_is_allowed if {
	count(storage_class.deny) == 0 with input as t.doc([_class(_good)])
}

test_class_without_encryption_is_denied if {
	t.found(storage_class.deny) == {["ECO-ENC-012", "StorageClass/gp3"]} with input as t.doc([_class(object.remove(_good, ["encrypted"]))])
	some m in _messages(t.doc([_class(object.remove(_good, ["encrypted"]))]))
	contains(m, "parameters.encrypted is missing")
}

test_class_without_kms_key_is_denied_naming_the_key if {
	doc := t.doc([_class(object.remove(_good, ["kmsKeyId"]))])
	t.found(storage_class.deny) == {["ECO-ENC-012", "StorageClass/gp3"]} with input as doc
	_messages(doc) == {"StorageClass/gp3: parameters.kmsKeyId is missing, not a KMS key or alias ARN. Fix: Set parameters.encrypted: \"true\", parameters.kmsKeyId to the EBS key's alias ARN (environments/names.ts ebsKmsKeyAliasArn), and one tagSpecification_N: \"<gdpr key>=<value>\" per GDPR tag of the data the volumes hold."}
}

test_class_with_a_bare_key_id_is_denied if {
	doc := t.doc([_class(object.union(_good, {"kmsKeyId": "1234abcd-12ab-34cd-56ef-1234567890ab"}))])
	some m in _messages(doc)
	contains(m, "parameters.kmsKeyId is \"1234abcd-12ab-34cd-56ef-1234567890ab\"")
}

test_a_key_arn_is_allowed_as_well_as_an_alias_arn if {
	key := "arn:aws:kms:eu-west-1:210000000003:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	count(storage_class.deny) == 0 with input as t.doc([_class(object.union(_good, {"kmsKeyId": key}))])
}

test_class_without_gdpr_tags_is_denied_once_per_missing_tag if {
	doc := t.doc([_class({"type": "gp3", "encrypted": "true", "kmsKeyId": _key})])
	_messages(doc) == {
		"StorageClass/gp3: the tagSpecification_N parameters lack the GDPR tag gdpr.ecolaura.io/personal-data. Fix: Set parameters.encrypted: \"true\", parameters.kmsKeyId to the EBS key's alias ARN (environments/names.ts ebsKmsKeyAliasArn), and one tagSpecification_N: \"<gdpr key>=<value>\" per GDPR tag of the data the volumes hold.",
		"StorageClass/gp3: the tagSpecification_N parameters lack the GDPR tag gdpr.ecolaura.io/data-classification. Fix: Set parameters.encrypted: \"true\", parameters.kmsKeyId to the EBS key's alias ARN (environments/names.ts ebsKmsKeyAliasArn), and one tagSpecification_N: \"<gdpr key>=<value>\" per GDPR tag of the data the volumes hold.",
	}
}

test_personal_data_volumes_need_retention_and_lawful_basis if {
	doc := t.doc([_class(object.remove(_good, ["tagSpecification_2", "tagSpecification_4"]))])
	found := {m | some m in _messages(doc)}
	count(found) == 2
	some a in found
	contains(a, "lack the GDPR tag gdpr.ecolaura.io/lawful-basis")
	some b in found
	contains(b, "lack the GDPR tag gdpr.ecolaura.io/retention-days")
}

test_volumes_without_personal_data_need_only_the_two_base_tags if {
	params := {"type": "gp3", "encrypted": "true", "kmsKeyId": _key, "tagSpecification_1": "gdpr.ecolaura.io/personal-data=false", "tagSpecification_2": "gdpr.ecolaura.io/data-classification=internal"}
	count(storage_class.deny) == 0 with input as t.doc([_class(params)])
}

test_other_provisioners_are_out_of_scope if {
	efs := t.k8s({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "efs"}, "provisioner": "efs.csi.aws.com"})
	count(storage_class.deny) == 0 with input as t.doc([efs])
}
