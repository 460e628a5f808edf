# METADATA
# title: EBS StorageClasses encrypt their volumes with the platform key and tag them
# description: >-
#   A StorageClass provisioning EBS volumes (ebs.csi.aws.com or the legacy in-tree kubernetes.io/aws-ebs) must set parameters.encrypted to "true" and parameters.kmsKeyId to a KMS key or alias ARN, so every PersistentVolume is encrypted with the platform's own key rather than the account's AWS-managed aws/ebs key; and its tagSpecification_N parameters must carry the GDPR tag set (personal-data and data-classification, plus retention-days and lawful-basis for personal data), so every volume says what it holds.
# custom:
#   id: ECO-ENC-012
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - GDPR Art. 30(1)
#     - AWS FSBP EC2.7
#   equivalents: []
#   remediation: >-
#     Set parameters.encrypted: "true", parameters.kmsKeyId to the EBS key's alias ARN (environments/names.ts ebsKmsKeyAliasArn), and one tagSpecification_N: "<gdpr key>=<value>" per GDPR tag of the data the volumes hold.
package ecolaura.encryption.storage_class

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_ebs_provisioners := {"ebs.csi.aws.com", "kubernetes.io/aws-ebs"}

_ebs_classes contains r if {
	some r in resources.kubernetes({"StorageClass"})
	object.get(r.values, "provisioner", "") in _ebs_provisioners
}

_parameters(r) := object.get(r.values, "parameters", {})

deny contains violation.make_at(rego.metadata.chain(), r, ["parameters", "encrypted"], sprintf("parameters.encrypted is %s", [resources.show(_parameters(r), "encrypted")])) if {
	some r in _ebs_classes
	object.get(_parameters(r), "encrypted", null) != "true"
}

deny contains violation.make_at(rego.metadata.chain(), r, ["parameters", "kmsKeyId"], sprintf("parameters.kmsKeyId is %s, not a KMS key or alias ARN", [resources.show(_parameters(r), "kmsKeyId")])) if {
	some r in _ebs_classes
	not _key_arn(object.get(_parameters(r), "kmsKeyId", null))
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("the tagSpecification_N parameters lack the GDPR tag %s", [key])) if {
	some r in _ebs_classes
	some key in _required_tags(_volume_tags(r))
	not key in object.keys(_volume_tags(r))
}

# The driver passes kmsKeyId to EC2 CreateVolume, which takes a key ARN or an alias ARN here.
_key_arn(value) if {
	is_string(value)
	regex.match(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+$`, value)
}

# tagSpecification_<n>: "<key>=<value>"; the value may itself hold "=".
_volume_tags(r) := {key: value |
	some name, spec in _parameters(r)
	regex.match(`^tagSpecification_[0-9]+$`, name)
	is_string(spec)
	parts := split(spec, "=")
	count(parts) > 1
	key := parts[0]
	value := concat("=", array.slice(parts, 1, count(parts)))
}

# A missing personal-data tag still requires the base set (and is reported as missing).
_required_tags(tags) := gdpr.required if object.get(tags, gdpr.personal_data, "") != "true"

_required_tags(tags) := gdpr.required | gdpr.required_for_personal_data if tags[gdpr.personal_data] == "true"
