package ecolaura.encryption.ec2_volumes_test

import data.ecolaura.encryption.ec2_volumes
import data.ecolaura.lib.testing_test as t

_template(encrypted) := t.tf("aws_launch_template", "nodes", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"encrypted": encrypted, "volume_size": 50}}]})

test_encrypted_template_volume_is_allowed if {
	count(ec2_volumes.deny) == 0 with input as t.doc([_template("true")])
}

test_unencrypted_template_volume_is_denied if {
	some v in ec2_volumes.deny with input as t.doc([_template("false")])
	[v.policy, v.resource] == ["ECO-ENC-010", "aws_launch_template.nodes"]
	contains(v.message, "block_device_mappings[/dev/xvda].ebs.encrypted is \"false\"")
}

test_instance_root_device_without_encryption_is_denied if {
	t.found(ec2_volumes.deny) == {["ECO-ENC-010", "aws_instance.bastion"]} with input as t.doc([t.tf("aws_instance", "bastion", {"root_block_device": {"volume_size": 8}})])
}

test_standalone_volume_is_checked if {
	t.found(ec2_volumes.deny) == {["ECO-ENC-010", "aws_ebs_volume.data"]} with input as t.doc([t.tf("aws_ebs_volume", "data", {"size": 10})])
}

test_instance_without_root_block_device_is_denied if {
	some v in ec2_volumes.deny with input as t.doc([t.tf("aws_instance", "bastion", {"ami": "ami-1", "instance_type": "t4g.micro"})])
	[v.policy, v.resource] == ["ECO-ENC-010", "aws_instance.bastion"]
	contains(v.message, "root_block_device is missing")
}

test_launch_configuration_with_unencrypted_root_is_denied if {
	t.found(ec2_volumes.deny) == {["ECO-ENC-010", "aws_launch_configuration.legacy"]} with input as t.doc([t.tf("aws_launch_configuration", "legacy", {"root_block_device": {"encrypted": false}})])
}

test_launch_configuration_with_encrypted_root_is_allowed if {
	count(ec2_volumes.deny) == 0 with input as t.doc([t.tf("aws_launch_configuration", "legacy", {"root_block_device": {"encrypted": true}})])
}
