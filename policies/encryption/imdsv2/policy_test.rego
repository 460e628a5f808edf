package ecolaura.encryption.imdsv2_test

import data.ecolaura.encryption.imdsv2
import data.ecolaura.lib.testing_test as t

test_required_tokens_are_allowed if {
	count(imdsv2.deny) == 0 with input as t.doc([t.tf("aws_launch_template", "nodes", {"metadata_options": {"http_tokens": "required", "http_put_response_hop_limit": 1}})])
}

test_optional_tokens_are_denied if {
	t.found(imdsv2.deny) == {["ECO-ENC-011", "aws_launch_template.nodes"]} with input as t.doc([t.tf("aws_launch_template", "nodes", {"metadata_options": [{"http_tokens": "optional"}]})])
}

test_missing_metadata_options_are_denied if {
	t.found(imdsv2.deny) == {["ECO-ENC-011", "aws_instance.bastion"]} with input as t.doc([t.tf("aws_instance", "bastion", {"ami": "ami-123"})])
}

test_launch_configuration_without_imdsv2_is_denied if {
	t.found(imdsv2.deny) == {["ECO-ENC-011", "aws_launch_configuration.legacy"]} with input as t.doc([t.tf("aws_launch_configuration", "legacy", {"image_id": "ami-1", "instance_type": "m7g.large"})])
}

test_launch_configuration_with_imdsv2_is_allowed if {
	count(imdsv2.deny) == 0 with input as t.doc([t.tf("aws_launch_configuration", "legacy", {"metadata_options": {"http_tokens": "required"}})])
}

test_http_tokens_from_a_variable_is_denied if {
	t.found(imdsv2.deny) == {["ECO-ENC-011", "aws_launch_template.nodes"]} with input as t.doc([t.tf("aws_launch_template", "nodes", {"metadata_options": {"http_tokens": {"$unknown": "var.tokens"}}})])
}
