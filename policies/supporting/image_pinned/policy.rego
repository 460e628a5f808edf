# METADATA
# title: Container images are pinned
# description: >-
#   Every container image must name a version tag other than latest, or a digest: an unpinned image changes under a running workload without review.
# custom:
#   id: ECO-SUP-005
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(b)
#     - GDPR Art. 5(2)
#   equivalents:
#     - Kyverno disallow-latest-tag
#     - Checkov CKV_K8S_14
#   remediation: >-
#     Pin the image to a release tag (image: registry/app:1.4.2) or a digest (@sha256:…).
package ecolaura.supporting.image_pinned

import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s uses image %s, which is not pinned", [entry.path, json.marshal(image)])) if {
	some r in workloads.objects
	some entry in workloads.containers(r)
	image := object.get(entry.container, "image", null)
	not _pinned(image)
}

_pinned(image) if {
	is_string(image)
	contains(image, "@sha256:")
}

_pinned(image) if {
	is_string(image)
	not contains(image, "@")
	tag := _tag(image)
	tag != ""
	tag != "latest"
}

# The tag is what follows the last colon after the last slash (a registry port is not a tag).
_tag(image) := tag if {
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	pieces := split(last, ":")
	tag := pieces[count(pieces) - 1]
}

_tag(image) := "" if {
	parts := split(image, "/")
	not contains(parts[count(parts) - 1], ":")
}
