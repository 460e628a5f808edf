# METADATA
# title: Resource selectors and value helpers
# description: >-
#   Selects resources of the normalized input by source and type, reads attributes the same way
#   for Terraform config JSON (blocks as objects, references as "${...}" strings) and plan JSON
#   (blocks as lists, concrete values), and turns absent values into failures: a helper that
#   cannot find a field never answers "fine".
package ecolaura.lib.resources

_terraform_sources := {"terraform", "terraform-plan"}

# METADATA
# description: Terraform resources (config or plan) whose type is in the set types.
terraform(types) := {r |
	some r in input.resources
	r.source in _terraform_sources
	r.type in types
}

# METADATA
# description: Kubernetes objects whose kind is in the set kinds.
kubernetes(kinds) := {r |
	some r in input.resources
	r.source == "kubernetes"
	r.type in kinds
}

# METADATA
# description: Every Terraform resource of the input.
all_terraform := {r |
	some r in input.resources
	r.source in _terraform_sources
}

# METADATA
# description: >-
#   The nested blocks under key of a Terraform resource's values: cdktf writes a single block as
#   an object, plans write a list; both come back as a list. An absent key gives an empty list.
blocks(r, key) := _as_list(object.get(r.values, key, []))

# METADATA
# description: A block value as a list of blocks, whichever shape it was written in.
as_list(x) := _as_list(x)

_as_list(x) := x if is_array(x)

_as_list(x) := [x] if is_object(x)

_as_list(x) := [] if x == null

# METADATA
# description: >-
#   True for true and "true" (cdktf writes some booleans as strings). Undefined otherwise, so
#   `not truthy(x)` also catches a missing value.
truthy(x) if x == true

truthy(x) if x == "true"

# METADATA
# description: True for false and "false"; undefined for anything else, including absence.
falsy(x) if x == false

falsy(x) if x == "false"

# METADATA
# description: >-
#   A non-empty string after trimming: a set ARN, id, name or "${...}" reference.
present(x) if {
	is_string(x)
	trim_space(x) != ""
}

# METADATA
# description: The value of obj[key] as text for a message, or "missing" when absent.
show(obj, key) := json.marshal(obj[key]) if not unknown(obj[key])

show(obj, key) := concat("", ["unknown until apply (", obj[key]["$unknown"], ")"]) if unknown(obj[key])

show(obj, key) := "missing" if not key in object.keys(obj)

# METADATA
# description: >-
#   True for the marker the normalizer puts where Terraform configuration holds a value only
#   known at plan or apply time ("${var.x}", "${null}", a module output, a dynamic block). Such a
#   value is never "set" for a security attribute: present, truthy and falsy all reject it.
unknown(x) if {
	is_object(x)
	is_string(x["$unknown"])
}

# METADATA
# description: >-
#   obj[key], or default when the key is absent, null or unknown: reading a security attribute
#   with its AWS default must not let an unknown value slip past as "something else".
value(obj, key, fallback) := fallback if not _known(object.get(obj, key, null))

value(obj, key, _) := obj[key] if _known(object.get(obj, key, null))

_known(x) if {
	x != null
	not unknown(x)
}

# METADATA
# description: >-
#   The resource types whose ARN, id or alias a KMS key attribute may name: a key, its alias (an
#   alias ARN is accepted wherever AWS takes a key id), a replica or an external key.
kms_key_types := {"aws_kms_key", "aws_kms_alias", "aws_kms_replica_key", "aws_kms_external_key"}

# METADATA
# description: >-
#   The resources of candidates that r points to: by Terraform reference (config "${...}" or
#   plan expressions, both listed in r.references) or, when attr holds a concrete name or id,
#   by the candidate's own name_attr. Only within r's group (one stack, one cluster folder).
linked(r, candidates, attr, name_attr) := {c |
	some c in candidates
	c.group == r.group
	_points_to(r, c, attr, name_attr)
}

_points_to(r, c, attr, _) if {
	c.address in object.get(r, "references", [])
	_mentions(object.get(r.values, attr, null), c.address)
}

_points_to(r, c, attr, name_attr) if {
	value := object.get(r.values, attr, null)
	is_string(value)
	not contains(value, "${")
	value == object.get(c.values, name_attr, null)
}

# A "${...}" expression names the address; plan values are concrete, so any reference counts.
_mentions(value, address) if contains(json.marshal(value), concat("", ["${", address, "."]))

_mentions(value, _) if not contains(json.marshal(value), "${")

# METADATA
# description: The resource's environment is prod.
in_prod(r) if r.environment == "prod"

# METADATA
# description: >-
#   The resource's environment is known and not prod. The gate sets an environment only when it
#   is one the model declares (environments/declared.ts), null otherwise, so any declared name
#   but prod counts here; an unlabelled file (null) is treated as prod and never gets the discount.
outside_prod(r) if {
	is_string(r.environment)
	r.environment != "prod"
}

# METADATA
# description: Tags (Terraform) or labels (Kubernetes) of a resource, {} when none.
tags(r) := object.get(r, "tags", {})

# METADATA
# description: >-
#   The resources of candidates that point back at r through their attr (a bucket's encryption
#   configuration or public access block names the bucket): by reference, or by r's own name_attr
#   when attr holds a concrete value.
linked_back(r, candidates, attr, name_attr) := {c |
	some c in candidates
	c.group == r.group
	_points_to(c, r, attr, name_attr)
}

# METADATA
# description: >-
#   obj[attr] is set: a literal non-empty string, or a reference in THAT attribute to a resource
#   of one of types; in a plan also a value unknown until apply (absent from the planned values)
#   while that attribute's expression references such a resource (a key created in the same
#   apply). A reference held by another attribute of the resource never counts; null, an unknown
#   variable or module output, and absence are unset.
set_or_planned(_, obj, attr, _) if {
	value := object.get(obj, attr, null)
	present(value)
	not contains(value, "${")
}

set_or_planned(r, obj, attr, types) if {
	present(object.get(obj, attr, null))
	_attribute_references(r, attr, types)
}

set_or_planned(r, obj, attr, types) if {
	r.source == "terraform-plan"
	not _known(object.get(obj, attr, null))
	_attribute_references(r, attr, types)
}

_attribute_references(r, attr, types) if {
	some ref in object.get(r, ["attributeReferences", attr], [])
	some type in types
	_reference_to(ref, type)
}

_reference_to(ref, type) if startswith(ref, concat("", [type, "."]))

_reference_to(ref, type) if contains(ref, concat("", [".", type, "."]))
