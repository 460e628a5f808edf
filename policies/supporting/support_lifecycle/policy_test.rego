package ecolaura.supporting.support_lifecycle_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.support_lifecycle

_lifecycle(status, end) := {"subject": "rds-postgres", "version": "13", "status": status, "end": end, "source": "https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html"}

_database(lifecycle) := object.union(
	t.tf("aws_db_instance", "database", {"engine": "postgres", "engine_version": "13"}),
	{"facts": {"lifecycle": lifecycle}},
)

test_database_in_support_is_allowed if {
	count(support_lifecycle.deny) == 0 with input as t.doc([_database(_lifecycle("supported", "2029-02-28"))])
}

test_database_within_90_days_of_its_end_is_a_warning_not_a_violation if {
	count(support_lifecycle.deny) == 0 with input as t.doc([_database(_lifecycle("ending", "2027-02-28"))])
}

test_release_without_published_date_is_not_judged if {
	count(support_lifecycle.deny) == 0 with input as t.doc([_database(_lifecycle("unknown", null))])
}

test_database_past_standard_support_is_denied if {
	some v in support_lifecycle.deny with input as t.doc([_database(_lifecycle("ended", "2026-02-28"))])
	[v.policy, v.resource] == ["ECO-SUP-030", "aws_db_instance.database"]
	contains(v.message, "rds-postgres 13 is past its support window: it ended on 2026-02-28")
}

test_chart_past_end_of_life_is_denied if {
	app := object.union(
		t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": {"name": "old", "namespace": "argocd"}}),
		{"facts": {"lifecycle": {"subject": "cert-manager", "version": "v1.10.0", "status": "ended", "end": "2023-03-01", "source": "x"}}},
	)
	t.found(support_lifecycle.deny) == {["ECO-SUP-030", "Application/argocd/old"]} with input as t.doc([app])
}

test_eks_cluster_is_left_to_eco_sup_020 if {
	cluster := object.union(
		t.tf("aws_eks_cluster", "eks", {"version": "1.28"}),
		{"facts": {"lifecycle": {"subject": "eks", "version": "1.28", "status": "ended", "end": "2024-11-26", "source": "x"}}},
	)
	count(support_lifecycle.deny) == 0 with input as t.doc([cluster])
}
