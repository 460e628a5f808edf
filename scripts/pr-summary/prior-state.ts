/**
 * Turns a plan of the base commit's stack into the Terraform state (format v4) that applying it
 * would have left, so the head can be planned against it and the AWS provider itself decides what
 * is updated in place, replaced (and why) or deleted. Values the plan already knows are copied;
 * values only AWS would know (ids, ARNs, endpoints) get synthetic ones that are stable: the same
 * address and attribute always get the same value, so a cached state and a fresh one agree.
 * Attributes typed from `terraform providers schema -json`, whose schema versions the state records.
 * https://developer.hashicorp.com/terraform/internals/json-format
 */
import { isRecord } from '../core/is-record';
import { SummaryInputError } from './errors';
import {
  type CtyType,
  elementType,
  type ProviderSchemas,
  type ResourceSchema,
  type SchemaBlock,
} from './provider-schema';
import {
  digest,
  KNOWN_VALUES,
  type PlannedResource,
  type SyntheticContext,
  syntheticBlock,
  syntheticValue,
  uuidFrom,
} from './synthetic-values';

/** `${type.name.attribute}` or `${type.name.block[0].attribute}`: a reference Terraform copies verbatim. */
const PURE_REFERENCE = /^\$\{(aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+(?:\[\d+\]\.[a-z0-9_]+)*)\}$/;

/** What the schema says about one position: an attribute's type, or a nested block. */
type Shape = { readonly type?: CtyType } | { readonly block: SchemaBlock; readonly nesting: string };

function childShape(shape: Shape, key: string): Shape {
  if ('block' in shape) {
    const attribute = shape.block.attributes?.[key];
    if (attribute) return { type: attribute.type };
    const nested = shape.block.block_types?.[key];
    return nested ? { block: nested.block, nesting: nested.nesting_mode } : {};
  }
  const type = shape.type;
  if (Array.isArray(type) && type[0] === 'object' && isRecord(type[1])) return { type: type[1][key] as CtyType };
  return { type: elementType(type) };
}

/** Terraform converts a referenced number or bool to the string an attribute of type string wants. */
function converted(value: unknown, type: CtyType | undefined): unknown {
  return type === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value;
}

/** Follows `block[0].attribute` through a filled resource's attributes. */
function lookUp(attributes: unknown, path: string): unknown {
  let value = attributes;
  for (const step of path.split(/\.|(?=\[)/)) {
    const index = /^\[(\d+)\]$/.exec(step);
    if (index) value = Array.isArray(value) ? value[Number(index[1])] : undefined;
    else value = isRecord(value) ? value[step] : undefined;
  }
  return value;
}

/** A Terraform JSON block written once stands for a list of one. */
function configItem(config: unknown, index: number): unknown {
  if (Array.isArray(config)) return config[index];
  return index === 0 ? config : undefined;
}

/**
 * Fills each resource's attributes: the known value where the plan has one; where it says unknown,
 * the value a pure reference in the configuration points at, else the value `prior` (an earlier
 * round's state) holds, else a synthetic one.
 */
class StateFiller {
  private readonly filled = new Map<string, Record<string, unknown> | 'filling'>();

  constructor(
    private readonly resources: ReadonlyMap<string, PlannedResource>,
    private readonly input: StateInput,
  ) {}

  attributes(address: string): Record<string, unknown> | undefined {
    const done = this.filled.get(address);
    if (done !== undefined) return done === 'filling' ? undefined : done;
    const resource = this.resources.get(address);
    if (!resource) return undefined;
    this.filled.set(address, 'filling');
    const schema = this.input.schemas[resource.provider_name]?.[resource.type];
    if (!schema) {
      throw new SummaryInputError(
        `${this.input.where}: ${resource.address}: the provider schema has no resource type ${resource.type}`,
      );
    }
    const stack = this.input.config.resource;
    const byType = isRecord(stack) ? stack[resource.type] : undefined;
    const config = isRecord(byType) ? byType[resource.name] : undefined;
    const value = this.fill(
      resource,
      {
        value: resource.change.after,
        unknown: resource.change.after_unknown,
        prior: priorAttributes(this.input.prior, resource),
        config,
      },
      { block: schema.block, nesting: 'single' },
      resource.type,
    );
    if (!isRecord(value))
      throw new SummaryInputError(`${this.input.where}: ${resource.address} plans no object to keep`);
    this.filled.set(address, value);
    return value;
  }

  private fill(resource: PlannedResource, at: Position, shape: Shape, path: string): unknown {
    const { value, unknown, prior, config } = at;
    if (unknown === true) return this.unknownValue(resource, at, shape, path);
    if (Array.isArray(value)) {
      const inner: Shape =
        'block' in shape ? { block: shape.block, nesting: 'single' } : { type: elementType(shape.type) };
      return value.map((item, i) =>
        this.fill(
          resource,
          {
            value: item,
            unknown: Array.isArray(unknown) ? unknown[i] : undefined,
            prior: Array.isArray(prior) ? prior[i] : undefined,
            config: configItem(config, i),
          },
          inner,
          `${path}[${i}]`,
        ),
      );
    }
    if (isRecord(value) && isRecord(unknown)) {
      const result: Record<string, unknown> = { ...value };
      for (const [key, mark] of Object.entries(unknown)) {
        result[key] = this.fill(
          resource,
          {
            value: value[key],
            unknown: mark,
            prior: isRecord(prior) ? prior[key] : undefined,
            config: isRecord(config) ? config[key] : undefined,
          },
          childShape(shape, key),
          `${path}.${key}`,
        );
      }
      return result;
    }
    return value;
  }

  private unknownValue(resource: PlannedResource, at: Position, shape: Shape, path: string): unknown {
    if (!('block' in shape)) {
      const evaluated = this.evaluate(at.config, shape.type);
      if (evaluated !== undefined) return evaluated;
    }
    if (at.prior !== undefined && at.prior !== null) return at.prior;
    const context = this.input.context;
    if ('block' in shape) {
      // A block AWS fills in is usually absent; a list of none matches that.
      return shape.nesting === 'single' || shape.nesting === 'group'
        ? syntheticBlock(shape.block, resource, path, context)
        : [];
    }
    const known = KNOWN_VALUES[path.split('.').at(-1) ?? ''];
    if (known !== undefined && shape.type === 'string') return known;
    return syntheticValue(shape.type, resource, path, context);
  }
  /**
   * The configuration's value where it is made of constants and pure references only (a list of
   * security group ids, say); undefined where Terraform itself must evaluate it.
   */
  private evaluate(config: unknown, type: CtyType | undefined): unknown {
    if (typeof config === 'string') {
      if (!config.includes('${')) return config;
      const reference = PURE_REFERENCE.exec(config);
      if (!reference) return undefined;
      const target = lookUp(this.attributes(reference[1] as string), reference[2] as string);
      return target === undefined || target === null ? undefined : converted(target, type);
    }
    if (Array.isArray(config)) {
      const items = config.map((item) => this.evaluate(item, elementType(type)));
      return items.every((item) => item !== undefined) ? items : undefined;
    }
    return undefined;
  }
}

/** One position of a resource, seen in the plan, the earlier state and the configuration at once. */
interface Position {
  readonly value: unknown;
  readonly unknown: unknown;
  readonly prior: unknown;
  readonly config: unknown;
}

/** Paths the plan marks sensitive, as state v4's `sensitive_attributes` lists them. */
function sensitivePaths(marks: unknown, steps: readonly unknown[] = []): unknown[][] {
  if (marks === true) return [[...steps]];
  if (Array.isArray(marks)) {
    return marks.flatMap((mark, i) =>
      sensitivePaths(mark, [...steps, { type: 'index', value: { value: i, type: 'number' } }]),
    );
  }
  if (isRecord(marks)) {
    return Object.entries(marks).flatMap(([key, mark]) =>
      sensitivePaths(mark, [...steps, { type: 'get_attr', value: key }]),
    );
  }
  return [];
}

export interface StateV4 {
  readonly version: 4;
  readonly terraform_version: string;
  readonly serial: number;
  readonly lineage: string;
  readonly outputs: Record<string, never>;
  readonly resources: readonly {
    readonly mode: 'managed';
    readonly type: string;
    readonly name: string;
    readonly provider: string;
    readonly instances: readonly Record<string, unknown>[];
  }[];
}

export interface StateInput {
  /** `terraform show -json` of a plan of the base stack (against nothing, or an earlier state). */
  readonly plan: Record<string, unknown>;
  readonly schemas: ProviderSchemas;
  readonly context: SyntheticContext;
  /** The state that plan was made against, whose values fill what the plan leaves unknown. */
  readonly prior?: StateV4;
  /** The base stack (`cdk.tf.json`) the plan was made from: its pure references fill unknowns. */
  readonly config: Record<string, unknown>;
  /** Names the plan in errors. */
  readonly where: string;
}

/** `provider["registry.terraform.io/hashicorp/aws"].alias` for each resource, from the plan's configuration. */
function providerOf(plan: Record<string, unknown>, resource: PlannedResource): string {
  const config =
    isRecord(plan.configuration) && isRecord(plan.configuration.root_module) ? plan.configuration.root_module : {};
  const declared = Array.isArray(config.resources) ? config.resources : [];
  const match = declared.find((r) => isRecord(r) && r.address === resource.address.replace(/\[[^\]]*\]$/, ''));
  const key = isRecord(match) && typeof match.provider_config_key === 'string' ? match.provider_config_key : '';
  const alias = key.includes('.') ? `.${key.split('.').slice(1).join('.')}` : '';
  return `provider["${resource.provider_name}"]${alias}`;
}

function priorAttributes(prior: StateV4 | undefined, resource: PlannedResource): unknown {
  const found = prior?.resources.find((r) => r.type === resource.type && r.name === resource.name);
  const instance = found?.instances.find((i) => (i.index_key ?? null) === (resource.index ?? null));
  return instance?.attributes;
}

/**
 * The state applying `plan` would leave: every managed resource it creates, updates or keeps,
 * with known values copied and unknown ones filled. Deterministic: the same plan gives the same
 * bytes, so the head's plan against it can be cached.
 */
export function stateFromPlan(input: StateInput): StateV4 {
  const { plan, schemas } = input;
  const changes = Array.isArray(plan.resource_changes) ? (plan.resource_changes as PlannedResource[]) : [];
  const kept = changes.filter((r) => r.mode === 'managed' && r.change.actions.join(',') !== 'delete');
  const filler = new StateFiller(new Map(kept.map((r) => [r.address, r])), input);
  const grouped = new Map<
    string,
    { type: string; name: string; provider: string; instances: Record<string, unknown>[] }
  >();
  for (const resource of kept) {
    const schema = schemas[resource.provider_name]?.[resource.type] as ResourceSchema;
    const attributes = filler.attributes(resource.address);
    const key = `${resource.type}.${resource.name}`;
    const group = grouped.get(key) ?? {
      type: resource.type,
      name: resource.name,
      provider: providerOf(plan, resource),
      instances: [],
    };
    group.instances.push({
      ...(resource.index !== undefined ? { index_key: resource.index } : {}),
      schema_version: schema.version,
      attributes,
      sensitive_attributes: sensitivePaths(resource.change.after_sensitive),
    });
    grouped.set(key, group);
  }
  const resources = [...grouped.values()].map((group) => ({ mode: 'managed' as const, ...group }));
  return {
    version: 4,
    terraform_version: typeof plan.terraform_version === 'string' ? plan.terraform_version : '1.10.0',
    serial: 1,
    // Derived, not random: the same base always yields the same state file.
    lineage: uuidFrom(digest(JSON.stringify(resources.map((r) => `${r.type}.${r.name}`)), 32)),
    outputs: {},
    resources,
  };
}

/** Addresses the plan would still change: empty once the state is what the base stack describes. */
export function pendingChanges(plan: Record<string, unknown>): string[] {
  const changes = Array.isArray(plan.resource_changes) ? (plan.resource_changes as PlannedResource[]) : [];
  return changes
    .filter((r) => r.mode === 'managed' && !r.change.actions.every((a) => a === 'no-op'))
    .map((r) => `${r.address} (${r.change.actions.join(',')})`);
}
