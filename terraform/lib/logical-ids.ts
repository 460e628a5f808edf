/**
 * Terraform addresses built from construct paths: `network/private-a-subnet` becomes
 * `aws_subnet.network_private_a_subnet`. Readable in plans, reviews and policy reports, and
 * free of the hash suffixes CDKTF appends by default (DESIGN.md: human names).
 */

const VALID_ID = /^[a-z][a-z0-9_]*$/;

/**
 * Construct id of the one resource a wrapper construct exists for. It is left out of the
 * address, so `ServiceRole` `eks/role` yields `aws_iam_role.eks_role`, not `eks_role_role`.
 */
export const PRIMARY_RESOURCE_ID = 'resource';

/** Joins construct ids below the stack into one snake_case logical id. */
export function logicalIdFromPath(components: readonly string[]): string {
  const id = components
    .filter((c) => c !== PRIMARY_RESOURCE_ID)
    .map((c) =>
      c
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .toLowerCase(),
    )
    .join('_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (!VALID_ID.test(id)) {
    throw new Error(
      `construct path "${components.join('/')}" gives the Terraform name "${id}"; ` +
        'construct ids must start with a letter and use letters, digits and dashes',
    );
  }
  return id;
}

/** Hands out logical ids and refuses two constructs that would share one. */
export class LogicalIdRegistry {
  private readonly owners = new Map<string, string>();

  allocate(components: readonly string[]): string {
    const id = logicalIdFromPath(components);
    const path = components.join('/');
    const owner = this.owners.get(id);
    if (owner !== undefined && owner !== path) {
      throw new Error(`constructs "${owner}" and "${path}" would both be named "${id}" in Terraform; rename one`);
    }
    this.owners.set(id, path);
    return id;
  }
}
