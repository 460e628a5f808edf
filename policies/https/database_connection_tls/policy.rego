# METADATA
# title: Database connections verify the server's certificate
# description: >-
#   Applications must connect to PostgreSQL with sslmode verify-full or verify-ca. A ConfigMap or
#   container environment that configures a PostgreSQL connection (PGHOST, PGDATABASE,
#   DATABASE_URL…) must set PGSSLMODE to one of those, and connection URLs must carry the same
#   sslmode. Weaker modes fall back to plain text (disable, allow, prefer) or encrypt without
#   authenticating the server (require), so anyone in the path can pose as the database. Connection strings
#   are recognised in every common form (postgres://, postgresql+psycopg2:// and other SQLAlchemy
#   drivers, jdbc:postgresql://, libpq keyword=value), and when sslmode is given more than once
#   the last one wins, as libpq and the JDBC driver read it. A container may repeat an env name
#   (Kubernetes keeps the last); the last entry is judged.
# custom:
#   id: ECO-TLS-009
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#   equivalents: []
#   remediation: >-
#     Set PGSSLMODE to verify-full next to the connection settings, with PGSSLROOTCERT pointing at
#     the mounted RDS CA bundle, and add ?sslmode=verify-full to postgres:// URLs.
package ecolaura.https.database_connection_tls

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

# `require` encrypts but accepts any certificate; only the verify modes authenticate the server.
_safe_modes := {"verify-ca", "verify-full"}

_connection_keys := {"PGHOST", "PGDATABASE", "PGHOSTADDR", "PGSERVICE", "DATABASE_URL", "DB_HOST", "DATABASE_HOST", "POSTGRES_HOST"}

_sslmode_keys := {"PGSSLMODE", "DB_SSLMODE", "DATABASE_SSLMODE", "POSTGRES_SSLMODE"}

deny contains violation.make(rego.metadata.chain(), place.resource, sprintf("%s %s is %s; use verify-full (or verify-ca) so the server's certificate is checked", [place.where, key, value])) if {
	some place in _places
	some key, value in place.settings
	key in _sslmode_keys
	not lower(value) in _safe_modes
}

deny contains violation.make(rego.metadata.chain(), place.resource, sprintf("%s configures a PostgreSQL connection (%s) but sets no PGSSLMODE", [place.where, concat(", ", keys)])) if {
	some place in _places
	keys := sort({k | some k, _ in place.settings; k in _connection_keys})
	count(keys) > 0
	count({k | some k, _ in place.settings; k in _sslmode_keys}) == 0
}

deny contains violation.make(rego.metadata.chain(), place.resource, sprintf("%s %s is a PostgreSQL connection string without sslmode=verify-full or verify-ca (effective sslmode %s)", [place.where, key, _effective_text(value)])) if {
	some place in _places
	some key, value in place.settings
	_connection_string(value)
	not _requires_tls(value)
}

_requires_tls(value) if _effective_sslmode(value) in _safe_modes

# Literal settings per place: a ConfigMap's data, or one container's env (values only; a
# reference to a Secret or ConfigMap is checked where that data is written).
_places contains {"resource": r, "where": "data", "settings": settings} if {
	some r in resources.kubernetes({"ConfigMap"})
	settings := {k: v | some k, v in object.get(r.values, "data", {}); is_string(v)}
}

_places contains {"resource": r, "where": concat("", [entry.path, ".env"]), "settings": settings} if {
	some r in workloads.objects
	some entry in workloads.containers(r)
	env := object.get(entry.container, "env", [])
	settings := {e.name: e.value | some i, e in env; is_string(e.value); not _overridden(env, i)}
}

# A later entry of the same name replaces an earlier one, literal or not.
_overridden(env, i) if {
	some j, later in env
	j > i
	later.name == env[i].name
}

# URL forms: postgres://, postgresql://, postgresql+psycopg2:// (any SQLAlchemy driver) and
# jdbc:postgresql://; keyword=value DSNs name a host and a database or user.
_connection_string(value) if regex.match(`^(jdbc:)?postgres(ql)?(\+[a-z0-9_]+)?://`, lower(trim_space(value)))

_connection_string(value) if {
	regex.match(`(^|\s)host\s*=`, lower(value))
	regex.match(`(^|\s)(dbname|user)\s*=`, lower(value))
}

# The last sslmode wins (libpq and pgjdbc read parameters in order); lower-cased.
_effective_sslmode(value) := lower(trim_space(modes[count(modes) - 1][1])) if {
	modes := regex.find_all_string_submatch_n(`(?i)sslmode\s*=\s*([^&;\s]*)`, value, -1)
	count(modes) > 0
}

_effective_text(value) := _effective_sslmode(value)

_effective_text(value) := "missing" if not _effective_sslmode(value)
