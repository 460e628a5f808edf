# Builders for the Rego unit tests: resources shaped exactly as the gate's normalizer emits
# them (policies/README.md, "The input document"), and a projection of violations to
# [policy id, resource] pairs so tests assert WHICH violation fired, not how many.
package ecolaura.lib.testing_test

import data.ecolaura.lib.resources

# The input document holding resources.
doc(rs) := {"resources": rs}

# A Terraform config resource of the prod stack in eu-west-1, references derived from its
# "${...}" strings as the normalizer does.
tf(type, name, values) := tf_in(type, name, values, "prod", "eu-west-1")

# The same, for another environment and region.
tf_in(type, name, values, env, region) := {
	"source": "terraform",
	"file": concat("", ["terraform/cdktf.out/stacks/", _env_folder(env), "/cdk.tf.json"]),
	"line": 1,
	"group": concat("", ["terraform/cdktf.out/stacks/", _env_folder(env)]),
	"environment": env,
	"region": region,
	"type": type,
	"apiVersion": null,
	"name": name,
	"namespace": null,
	"address": concat(".", [type, name]),
	"tags": object.get(values, "tags", {}),
	"values": values,
	"references": _references(values),
	"attributeReferences": _attribute_references(values),
	"facts": {},
}

_env_folder(env) := env if is_string(env)

_env_folder(null) := "unknown"

# Per attribute, keyed by the attribute's own name at any depth, as the normalizer does.
_attribute_references(values) := {key: sort(_references_in(values, key)) | some key in _referencing_keys(values)}

_referencing_keys(values) := {key |
	walk(values, [path, value])
	is_string(value)
	contains(value, "${")
	key := _last_name(path)
}

_references_in(values, key) := {m[1] |
	walk(values, [path, value])
	is_string(value)
	_last_name(path) == key
	some m in regex.find_all_string_submatch_n(`\$\{([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)`, value, -1)
}

_last_name(path) := [segment | some segment in path; is_string(segment)][_count_names(path) - 1]

_count_names(path) := count([segment | some segment in path; is_string(segment)])

_references(values) := sort({m[1] |
	some m in regex.find_all_string_submatch_n(`\$\{([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)`, json.marshal(values), -1)
})

# A Kubernetes object of clusters/prod.
k8s(obj) := k8s_in(obj, "prod")

# The same, for another environment.
k8s_in(obj, env) := {
	"source": "kubernetes",
	"file": concat("", ["clusters/", _env_folder(env), "/", obj.kind, ".", obj.metadata.name, ".yaml"]),
	"line": 1,
	"group": concat("", ["clusters/", _env_folder(env)]),
	"environment": env,
	"region": null,
	"type": obj.kind,
	"apiVersion": object.get(obj, "apiVersion", null),
	"name": obj.metadata.name,
	"namespace": object.get(obj.metadata, "namespace", null),
	"address": _k8s_address(obj),
	"tags": object.get(obj.metadata, "labels", {}),
	"values": obj,
	"references": [],
	"attributeReferences": {},
	"facts": {},
}

_k8s_address(obj) := concat("/", [obj.kind, obj.metadata.namespace, obj.metadata.name]) if obj.metadata.namespace

_k8s_address(obj) := concat("/", [obj.kind, obj.metadata.name]) if not obj.metadata.namespace

# The [policy, resource] pairs of a set of violations.
found(violations) := {[v.policy, v.resource] | some v in violations}

test_references_are_derived_from_interpolations if {
	r := tf("aws_db_instance", "db", {"kms_key_id": "${aws_kms_key.db.arn}", "parameter_group_name": "${aws_db_parameter_group.pg.name}"})
	r.references == ["aws_db_parameter_group.pg", "aws_kms_key.db"]
}

test_blocks_read_config_objects_and_plan_lists_alike if {
	resources.blocks({"values": {"b": {"x": 1}}}, "b") == [{"x": 1}]
	resources.blocks({"values": {"b": [{"x": 1}]}}, "b") == [{"x": 1}]
	resources.blocks({"values": {}}, "b") == []
}

test_truthy_accepts_cdktf_string_booleans_and_rejects_absence if {
	resources.truthy("true")
	resources.truthy(true)
	not resources.truthy("false")
	not resources.truthy(object.get({}, "absent", null))
}

# A container that passes every Pod Security control at restricted and the hardening level.
restricted_container := {
	"name": "app", "image": "ghcr.io/example/app:1.0.0",
	"securityContext": {
		"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "runAsNonRoot": true,
		"capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"},
	},
}

# A Deployment in clusters/prod with the given pod spec.
deployment(spec) := k8s({
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "app", "namespace": "shop"},
	"spec": {"template": {"metadata": {"labels": {"app": "app"}}, "spec": spec}},
})

# A Deployment whose one container is restricted_container with securityContext merged over it.
deployment_with(security_context) := deployment({"containers": [object.union(restricted_container, {"securityContext": object.union(restricted_container.securityContext, security_context)})]})

# restricted_container with the named securityContext fields left out.
container_without(fields) := object.union(
	object.remove(restricted_container, ["securityContext"]),
	{"securityContext": object.remove(restricted_container.securityContext, fields)},
)
