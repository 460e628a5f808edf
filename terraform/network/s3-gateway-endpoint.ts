import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { PRIMARY_RESOURCE_ID } from '../lib/logical-ids';
import { nameTag } from '../lib/tags';

export interface S3GatewayEndpointProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ID of the environment VPC. */
  readonly vpcId: string;
  /** Route tables whose subnets reach S3 through the endpoint (the private tier's). */
  readonly routeTableIds: readonly string[];
}

/**
 * An S3 gateway endpoint: image layers from ECR and other S3 traffic stay on AWS's network and
 * skip the NAT gateway, which costs nothing extra and saves NAT processing.
 */
export class S3GatewayEndpoint extends Construct {
  readonly endpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: S3GatewayEndpointProps) {
    super(scope, id);
    this.endpoint = new VpcEndpoint(this, PRIMARY_RESOURCE_ID, {
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${props.environment.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [...props.routeTableIds],
      tags: nameTag(props.environment.name, 's3-endpoint'),
    });
  }
}
