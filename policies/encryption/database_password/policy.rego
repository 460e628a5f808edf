# METADATA
# title: No literal database password anywhere
# description: >-
#   Database passwords never appear in configuration: RDS manages the master password (manage_master_user_password) in Secrets Manager, SSM parameters never hold a literal secret, and Kubernetes workloads and ConfigMaps (data and binaryData) get credentials from Secrets, never as literal values. Password keys are recognised whatever separator they use (DB_PASSWORD, db-password, db.pass).
# custom:
#   id: ECO-ENC-014
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(a)
#     - GDPR Art. 32(1)(b)
#   equivalents: []
#   remediation: >-
#     Use manage_master_user_password = true on RDS instead of password/master_password; in Kubernetes, take passwords from a Secret (valueFrom.secretKeyRef) synced by External Secrets.
package ecolaura.encryption.database_password

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

_password_attributes := {"password", "master_password"}

# Names that hold a password by convention, with any separator: PGPASSWORD, DB_PASSWORD,
# db-password, database.pass, PASS_WORD, POSTGRES_PWD.
_password_name := `(?i)(pass[-_. ]?w(or)?d|passphrase|(^|[-_./])(pass|pwd)$)`

# SSM parameter names that announce a secret (the last path segment is matched).
_secret_name := `(?i)(pass[-_. ]?w(or)?d|passphrase|secret|token|api[-_.]?key|private[-_.]?key|credential|(^|[-_./])(pass|pwd)$)`

deny contains violation.make_at(rego.metadata.chain(), r, [attribute], sprintf("%s is set in the configuration", [attribute])) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	some attribute in _password_attributes
	resources.present(object.get(r.values, attribute, null))
}

deny contains violation.make_at(rego.metadata.chain(), r, ["manage_master_user_password"], "manage_master_user_password is not true, so the master password is not managed by RDS") if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not resources.aurora_member(r)
	not _replica(r)
	not resources.truthy(object.get(r.values, "manage_master_user_password", null))
}

deny contains violation.make_at(rego.metadata.chain(), r, ["secret_string"], "secret_string holds a literal password") if {
	some r in resources.terraform({"aws_secretsmanager_secret_version"})
	text := object.get(r.values, "secret_string", "")
	is_string(text)
	regex.match(`(?i)"[a-z0-9_.-]*(pass[-_. ]?w(or)?d|passphrase)"\s*:\s*"[^"$]`, text)
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s.%s holds a literal password", [field, key])) if {
	some r in resources.kubernetes({"ConfigMap"})
	some field in ["data", "binaryData"]
	some key, value in object.get(r.values, field, {})
	regex.match(_password_name, key)
	resources.present(value)
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s.env %s has a literal value", [entry.path, env.name])) if {
	some r in workloads.objects
	some entry in workloads.containers(r)
	some env in object.get(entry.container, "env", [])
	regex.match(_password_name, env.name)
	resources.present(object.get(env, "value", null))
}

# A literal value in Git is a literal secret whatever the parameter type: SecureString encrypts
# it in AWS, not in the repository. A reference ("${random_password.x.result}") is not literal.
deny contains violation.make(rego.metadata.chain(), r, sprintf("%s holds a literal secret (type %s, name %s)", [attribute, resources.show(r.values, "type"), resources.show(r.values, "name")])) if {
	some r in resources.terraform({"aws_ssm_parameter"})
	some attribute in ["value", "insecure_value"]
	value := object.get(r.values, attribute, null)
	resources.present(value)
	not contains(value, "${")
	_secret_parameter(r)
}

_secret_parameter(r) if r.values.type == "SecureString"

_secret_parameter(r) if {
	name := object.get(r.values, "name", "")
	is_string(name)
	regex.match(_secret_name, _last_segment(name))
}

_secret_parameter(r) if regex.match(_secret_name, r.name)

_last_segment(name) := last if {
	parts := split(name, "/")
	last := parts[count(parts) - 1]
}

# Read replicas inherit the source's credentials.
_replica(r) if resources.present(object.get(r.values, "replicate_source_db", null))
