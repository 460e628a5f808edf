import { LogicalIdRegistry, logicalIdFromPath, PRIMARY_RESOURCE_ID } from './logical-ids';

describe('logicalIdFromPath', () => {
  it('joins kebab-case construct ids into a snake_case Terraform name', () => {
    expect(logicalIdFromPath(['network', 'private-a-subnet'])).toBe('network_private_a_subnet');
  });

  it('splits camelCase ids and leaves out the primary resource id', () => {
    expect(logicalIdFromPath(['irsa', 'clusterAutoscaler', PRIMARY_RESOURCE_ID])).toBe('irsa_cluster_autoscaler');
  });

  it('refuses a path that yields no valid Terraform name', () => {
    expect(() => logicalIdFromPath(['1st'])).toThrow('construct path "1st" gives the Terraform name "1st"');
  });
});

describe('LogicalIdRegistry', () => {
  it('hands the same id to the same construct twice', () => {
    const registry = new LogicalIdRegistry();
    expect(registry.allocate(['a', 'b'])).toBe(registry.allocate(['a', 'b']));
  });

  it('refuses two constructs that would share one Terraform name', () => {
    const registry = new LogicalIdRegistry();
    registry.allocate(['nat-a']);
    expect(() => registry.allocate(['nat', 'a'])).toThrow('constructs "nat-a" and "nat/a" would both be named "nat_a"');
  });
});
