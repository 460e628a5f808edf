# METADATA
# title: Compute runs on Graviton
# description: >-
#   EKS node groups, launch templates, instances and RDS instances use AWS Graviton (arm64) families, which do the same work with markedly less energy: the platform's green promise made checkable.
# custom:
#   id: ECO-GRN-001
#   severity: low
#   controls:
#     - AWS Well-Architected Sustainability SUS05-BP02
#   equivalents: []
#   remediation: >-
#     Choose a Graviton family (m7g, c7g, r7g, t4g…; db.r7g, db.t4g for RDS) and an ARM AMI type (AL2023_ARM_64_STANDARD).
package ecolaura.sustainability.graviton

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

# Graviton families end their generation number with g (m7g, c7gn, r6gd, t4g, x2gd, im4gn…).
_graviton := `^(db\.)?[a-z]+[0-9]+g[a-z]*\.`

_attributes := {
	"aws_eks_node_group": "instance_types",
	"aws_launch_template": "instance_type",
	"aws_instance": "instance_type",
	"aws_db_instance": "instance_class",
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s %s is not a Graviton family", [attribute, type])) if {
	some resource_type, attribute in _attributes
	some r in resources.terraform({resource_type})
	some type in _types(object.get(r.values, attribute, null))
	not regex.match(_graviton, type)
}

_types(x) := x if is_array(x)

_types(x) := [x] if is_string(x)

_types(x) := [] if x == null
