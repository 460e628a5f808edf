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
