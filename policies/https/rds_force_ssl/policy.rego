# METADATA
# title: RDS instances force TLS connections
# description: >-
#   Every RDS instance (and Aurora cluster) must be attached to a parameter group that sets
#   rds.force_ssl to 1 (PostgreSQL; require_secure_transport for MySQL engines), so the database
#   refuses unencrypted connections. The default parameter group does not count: it cannot be
#   reviewed here.
# custom:
#   id: ECO-TLS-004
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#   equivalents: []
#   remediation: >-
#     Attach an aws_db_parameter_group (aws_rds_cluster_parameter_group for Aurora) with
#     parameter rds.force_ssl = 1 (require_secure_transport = 1 for MySQL/MariaDB).
package ecolaura.https.rds_force_ssl

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_groups := {
	"aws_db_instance": {"attr": "parameter_group_name", "types": {"aws_db_parameter_group"}},
	"aws_rds_cluster": {"attr": "db_cluster_parameter_group_name", "types": {"aws_rds_cluster_parameter_group"}},
}

_tls_parameters := {"rds.force_ssl", "require_secure_transport"}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some type, spec in _groups
	some r in resources.terraform({type})
	not resources.aurora_member(r)
	linked := resources.linked(r, resources.terraform(spec.types), spec.attr, "name")
	not _forces_tls(linked)
	detail := _problem(r, spec.attr, linked)
}

_forces_tls(groups) if {
	some group in groups
	some parameter in resources.as_list(object.get(group.values, "parameter", []))
	parameter.name in _tls_parameters
	to_number(parameter.value) == 1
}

_problem(r, attr, linked) := sprintf("%s is %s: no parameter group of this stack is attached", [attr, resources.show(r.values, attr)]) if count(linked) == 0

_problem(_, _, linked) := sprintf("parameter group %s does not set rds.force_ssl = 1", [concat(", ", sort([g.address | some g in linked]))]) if count(linked) > 0
