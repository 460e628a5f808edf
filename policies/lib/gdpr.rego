# METADATA
# title: GDPR vocabulary
# description: >-
#   The label and tag keys of DESIGN.md, their allowed values, the AWS resource types that store
#   data and the regions where personal data may live. Keys, values and regions come from the
#   model (environments/gdpr.ts, environments/model.ts) through data.ecolaura.vocabulary, which
#   npm run synth generates (policies/vocabulary.json): the words are written once.
package ecolaura.lib.gdpr

import data.ecolaura.lib.resources
import data.ecolaura.lib.workloads
import data.ecolaura.vocabulary

# METADATA
# description: The keys, used as Kubernetes labels and AWS tags alike.
personal_data := vocabulary.gdpr.keys.personalData

# METADATA
# description: Classification key.
classification := vocabulary.gdpr.keys.classification

# METADATA
# description: Retention key (days, positive integer).
retention_days := vocabulary.gdpr.keys.retentionDays

# METADATA
# description: Lawful basis key (GDPR Art. 6(1)).
lawful_basis := vocabulary.gdpr.keys.lawfulBasis

# METADATA
# description: Allowed values of each key with a closed vocabulary.
allowed := {key: {value | some value in values} | some key, values in vocabulary.gdpr.values}

# METADATA
# description: Keys every labelled object carries.
required := {personal_data, classification}

# METADATA
# description: Keys required on top when personal-data is "true".
required_for_personal_data := {retention_days, lawful_basis}

# METADATA
# description: >-
#   AWS resource types that store data (DESIGN.md: RDS, S3, EBS, backup vaults, log groups and
#   their kin).
data_storing_types := {
	"aws_db_instance", "aws_rds_cluster", "aws_s3_bucket", "aws_ebs_volume",
	"aws_backup_vault", "aws_cloudwatch_log_group", "aws_dynamodb_table",
	"aws_efs_file_system", "aws_elasticache_replication_group", "aws_opensearch_domain",
	"aws_elasticsearch_domain", "aws_secretsmanager_secret", "aws_kinesis_stream",
	"aws_sqs_queue", "aws_redshift_cluster", "aws_docdb_cluster", "aws_neptune_cluster",
}

# METADATA
# description: >-
#   Regions inside the European Union, as the model lists them (EU_REGIONS). London (eu-west-2)
#   and Zurich (eu-central-2) are left out on purpose: an adequacy decision is not EU residency.
eu_regions := {region | some region in vocabulary.euRegions}

# METADATA
# description: The data-storing AWS resources of the input.
data_stores := {r |
	some r in resources.all_terraform
	r.type in data_storing_types
}

# METADATA
# description: The resource's labels/tags mark personal data.
holds_personal_data(r) if resources.tags(r)[personal_data] == "true"

# METADATA
# description: >-
#   The labels of every workload's pod template (bare Pods carry theirs as the object's own), as
#   {resource, where, labels}: where names the template's path for messages.
template_labels contains {"resource": r, "where": concat("", [template.path, ".metadata.labels"]), "labels": object.get(template.metadata, "labels", {})} if {
	some r in workloads.objects
	r.type != "Pod"
	template := workloads.pod_template(r)
}

# METADATA
# description: >-
#   The retention label/tag as a number of days; undefined unless it is a positive integer, so
#   comparisons against it fail closed.
retention_limit(r) := n if {
	text := resources.tags(r)[retention_days]
	regex.match(`^[1-9][0-9]*$`, text)
	n := to_number(text)
}
