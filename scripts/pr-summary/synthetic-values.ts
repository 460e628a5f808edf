/**
 * Values only AWS would know (ids, ARNs, endpoints), made up so that they are stable and look
 * like the real kind of thing: derived from the resource address and attribute path alone, the
 * same on every run, so a cached state and a fresh one agree.
 */
import { createHash } from 'node:crypto';
import { isRecord } from '../core/is-record';
import type { CtyType, SchemaBlock } from './provider-schema';

/** Where the synthetic ARNs point: the account and region the stack deploys to. */
export interface SyntheticContext {
  readonly accountId: string;
  readonly region: string;
}

/** One managed resource of a plan, as `resource_changes` lists it. */
export interface PlannedResource {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly after_sensitive?: unknown;
  };
}

export function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Services whose ARNs carry no region (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). */
const GLOBAL_SERVICES = new Set(['iam', 'route53', 's3', 'cloudfront']);

/** Id prefixes AWS uses, so a synthetic id reads like the real kind of thing. */
const ID_PREFIXES: Readonly<Record<string, string>> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_security_group: 'sg',
  aws_default_security_group: 'sg',
  aws_route_table: 'rtb',
  aws_internet_gateway: 'igw',
  aws_nat_gateway: 'nat',
  aws_eip: 'eipalloc',
  aws_network_acl: 'acl',
  aws_instance: 'i',
  aws_launch_template: 'lt',
  aws_vpc_endpoint: 'vpce',
  aws_flow_log: 'fl',
};

export function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function syntheticString(resource: PlannedResource, path: string, context: SyntheticContext): string {
  const attribute = path.split('.').at(-1) ?? path;
  const hex = digest(`${resource.address}:${path}`, 32);
  const service = resource.type.split('_')[1] ?? 'synthetic';
  if (attribute === 'arn' || attribute.endsWith('_arn')) {
    const region = GLOBAL_SERVICES.has(service) ? '' : context.region;
    return `arn:aws:${service}:${region}:${context.accountId}:${resource.type.slice(4)}/${resource.name}-${hex.slice(0, 8)}`;
  }
  if (resource.type.startsWith('aws_kms_') && (attribute === 'id' || attribute === 'key_id')) return uuidFrom(hex);
  if (attribute === 'id' && ID_PREFIXES[resource.type]) return `${ID_PREFIXES[resource.type]}-${hex.slice(0, 17)}`;
  if (/(^|_)(url|endpoint|issuer)$/.test(attribute)) return `https://${hex.slice(0, 16)}.synthetic.invalid`;
  return `synthetic-${hex.slice(0, 17)}`;
}

/** A value of `type` that AWS would have filled in; lists of objects get one element, so `x[0].y` resolves. */
export function syntheticValue(
  type: CtyType | undefined,
  resource: PlannedResource,
  path: string,
  context: SyntheticContext,
): unknown {
  if (type === 'string') return syntheticString(resource, path, context);
  if (type === 'number') return 1;
  if (type === 'bool') return false;
  if (!Array.isArray(type)) return null;
  const [kind, inner] = type as readonly [string, unknown];
  if (kind === 'object' && isRecord(inner)) {
    return Object.fromEntries(
      Object.entries(inner).map(([key, t]) => [key, syntheticValue(t as CtyType, resource, `${path}.${key}`, context)]),
    );
  }
  if ((kind === 'list' || kind === 'set') && Array.isArray(inner) && inner[0] === 'object') {
    return [syntheticValue(inner as unknown as CtyType, resource, path, context)];
  }
  if (kind === 'list' || kind === 'set') return [];
  if (kind === 'map') return {};
  return null;
}

export function syntheticBlock(block: SchemaBlock, resource: PlannedResource, path: string, context: SyntheticContext) {
  const value: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(block.attributes ?? {})) {
    value[key] = syntheticValue(attribute.type, resource, `${path}.${key}`, context);
  }
  for (const [key, nested] of Object.entries(block.block_types ?? {})) {
    value[key] = nested.nesting_mode === 'single' || nested.nesting_mode === 'group' ? null : [];
  }
  return value;
}

/** Values AWS always gives these attributes, where a made-up string would fail the provider's validation. */
export const KNOWN_VALUES: Readonly<Record<string, string>> = {
  // ACM's DNS validation records (aws_acm_certificate.domain_validation_options).
  resource_record_type: 'CNAME',
};
