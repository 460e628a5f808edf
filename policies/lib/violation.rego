# METADATA
# title: Violation builder
# description: >-
#   Builds the violation object every policy returns. Id, severity, title and the fix come from
#   the calling policy's METADATA, so their words live in one place and the TypeScript side never
#   parses text.
package ecolaura.lib.violation

# METADATA
# description: >-
#   The violation of the policy whose annotation chain is given (pass rego.metadata.chain()),
#   for resource r. The message names the resource, says what is wrong, then gives the policy's
#   remediation. Missing file, line or environment become null rather than dropping the violation.
make(chain, r, detail) := {
	"policy": meta.custom.id,
	"severity": meta.custom.severity,
	"title": meta.title,
	"resource": r.address,
	"file": object.get(r, "file", null),
	"line": object.get(r, "line", null),
	"environment": object.get(r, "environment", null),
	"message": concat("", [r.address, ": ", detail, ". Fix: ", meta.custom.remediation]),
} if {
	meta := _policy_annotations(chain)
}

# METADATA
# description: >-
#   As make, for a violation whose offending attribute is known: path is the attribute's path
#   below r.values (["storage_encrypted"], ["spec", "template", "spec", "containers", 0, "image"]),
#   so the gate points the finding at that attribute's line rather than the resource's first.
make_at(chain, r, path, detail) := object.union(make(chain, r, detail), {"path": path})

# The nearest annotations carrying a policy id: the package's METADATA block.
_policy_annotations(chain) := [entry.annotations |
	some entry in chain
	entry.annotations.custom.id
][0]
