# METADATA
# title: No literal database password anywhere
# description: >-
#   Database passwords never appear in configuration: RDS manages the master password (manage_master_user_password) in Secrets Manager, and Kubernetes workloads and ConfigMaps get credentials from Secrets, never as literal values.
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

# Names that hold a password by convention (PGPASSWORD, DB_PASSWORD, DATABASE_PASS, POSTGRES_PASSWORD…).
_password_name := `(?i)(passw(or)?d|_pass$|^pass$|_pwd$|^pwd$)`

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s is set in the configuration", [attribute])) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	some attribute in _password_attributes
	resources.present(object.get(r.values, attribute, null))
}

deny contains violation.make(rego.metadata.chain(), r, "manage_master_user_password is not true, so the master password is not managed by RDS") if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not _aurora_member(r)
	not _replica(r)
	not resources.truthy(object.get(r.values, "manage_master_user_password", null))
}

deny contains violation.make(rego.metadata.chain(), r, "secret_string holds a literal password") if {
	some r in resources.terraform({"aws_secretsmanager_secret_version"})
	text := object.get(r.values, "secret_string", "")
	is_string(text)
	regex.match(`(?i)"[a-z_]*passw(or)?d"\s*:\s*"[^"$]`, text)
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("data.%s holds a literal password", [key])) if {
	some r in resources.kubernetes({"ConfigMap"})
	some key, value in object.get(r.values, "data", {})
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

_aurora_member(r) if {
	r.type == "aws_db_instance"
	resources.present(object.get(r.values, "cluster_identifier", null))
}

# Read replicas inherit the source's credentials.
_replica(r) if resources.present(object.get(r.values, "replicate_source_db", null))
