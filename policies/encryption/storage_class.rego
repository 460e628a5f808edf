# METADATA
# title: EBS StorageClasses encrypt their volumes
# description: >-
#   A StorageClass provisioning EBS volumes (ebs.csi.aws.com or the legacy in-tree kubernetes.io/aws-ebs) must set parameters.encrypted to "true", so every PersistentVolume it creates is encrypted.
# custom:
#   id: ECO-ENC-012
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#   equivalents: []
#   remediation: >-
#     Set parameters.encrypted: "true" (and optionally parameters.kmsKeyId) on the StorageClass.
package ecolaura.encryption.storage_class

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_ebs_provisioners := {"ebs.csi.aws.com", "kubernetes.io/aws-ebs"}

deny contains violation.make(rego.metadata.chain(), r, sprintf("parameters.encrypted is %s", [resources.show(object.get(r.values, "parameters", {}), "encrypted")])) if {
	some r in resources.kubernetes({"StorageClass"})
	object.get(r.values, "provisioner", "") in _ebs_provisioners
	object.get(r.values, ["parameters", "encrypted"], null) != "true"
}
