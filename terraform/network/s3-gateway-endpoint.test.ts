import { ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';

describe.each(ENVIRONMENT_NAMES)('the %s S3 gateway endpoint', (name) => {
  it('serves the private route tables from the environment region', () => {
    const stack = platformStack(name);
    expect(stack.only('aws_vpc_endpoint')).toMatchObject({
      vpc_endpoint_type: 'Gateway',
      service_name: `com.amazonaws.${stack.environment.region}.s3`,
      route_table_ids: [
        ref('aws_route_table', 'network_private_a_route_table', 'id'),
        ref('aws_route_table', 'network_private_b_route_table', 'id'),
      ],
    });
  });
});
