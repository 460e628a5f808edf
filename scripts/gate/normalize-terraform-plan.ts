/**
 * Terraform plan JSON (`terraform show -json <plan>`) → policy resources, one per managed
 * resource in `planned_values` (root module and every child module). Values are the planned
 * ones; tags are the provider's `tags_all` when the plan knows it.
 * https://developer.hashicorp.com/terraform/internals/json-format
 */

import { GateInputError } from '../core/errors';
import { isRecord } from '../core/is-record';
import { environmentFromValue, environmentOfPath } from '../core/source/location';
import type { PathSegment, SourceDocument } from '../core/source/source-document';
import {
  type AwsProvider,
  addressOfTraversal,
  effectiveTags,
  referenceRecord,
  sortedRecord,
  tagMap,
} from './terraform-common';
import { terraformFacts } from './terraform-facts';
import type { PolicyResource } from './types';

/** True for a JSON document shaped like `terraform show -json` of a plan. */
export function isTerraformPlan(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.format_version === 'string' && isRecord(value.planned_values);
}

function constantOf(expression: unknown): unknown {
  return isRecord(expression) ? expression.constant_value : undefined;
}

/** Provider configurations by key (`aws`, `aws.alias`, `module.x:aws`) from `configuration.provider_config`. */
function awsProviders(plan: Record<string, unknown>): Map<string, AwsProvider> {
  const providers = new Map<string, AwsProvider>();
  const configuration = isRecord(plan.configuration) ? plan.configuration : {};
  const providerConfig = isRecord(configuration.provider_config) ? configuration.provider_config : {};
  for (const [key, entry] of Object.entries(providerConfig)) {
    if (!isRecord(entry) || entry.name !== 'aws') continue;
    const expressions = isRecord(entry.expressions) ? entry.expressions : {};
    const region = constantOf(expressions.region);
    const defaultTagsBlock = Array.isArray(expressions.default_tags)
      ? expressions.default_tags[0]
      : expressions.default_tags;
    providers.set(key, {
      region: typeof region === 'string' ? region : null,
      defaultTags: isRecord(defaultTagsBlock) ? tagMap(constantOf(defaultTagsBlock.tags)) : {},
    });
  }
  return providers;
}

interface ConfiguredResource {
  readonly providerKey: string;
  readonly references: readonly string[];
  readonly attributeReferences: Record<string, string[]>;
}

/**
 * Every `references` list anywhere below a resource's `expressions`, into `into` and, keyed by
 * the attribute whose expression holds it, into `byAttribute`.
 */
function collectReferences(
  value: unknown,
  into: Set<string>,
  modulePrefix: string,
  byAttribute?: Map<string, Set<string>>,
  attribute = '',
): void {
  if (Array.isArray(value)) {
    for (const inner of value) collectReferences(inner, into, modulePrefix, byAttribute, attribute);
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'references' && Array.isArray(inner)) {
        for (const reference of inner) {
          const address = typeof reference === 'string' ? addressOfTraversal(reference) : undefined;
          if (!address) continue;
          into.add(`${modulePrefix}${address}`);
          if (byAttribute && attribute !== '') {
            const set = byAttribute.get(attribute) ?? new Set<string>();
            set.add(`${modulePrefix}${address}`);
            byAttribute.set(attribute, set);
          }
        }
      } else {
        collectReferences(inner, into, modulePrefix, byAttribute, key);
      }
    }
  }
}

/** Configuration resources by index-free address (`module.x.aws_s3_bucket.logs`). */
function configuredResources(plan: Record<string, unknown>): Map<string, ConfiguredResource> {
  const found = new Map<string, ConfiguredResource>();
  const visitModule = (module: unknown, modulePrefix: string): void => {
    if (!isRecord(module)) return;
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (!isRecord(resource) || typeof resource.address !== 'string') continue;
      const references = new Set<string>();
      const byAttribute = new Map<string, Set<string>>();
      collectReferences(resource.expressions, references, modulePrefix, byAttribute);
      if (Array.isArray(resource.depends_on))
        collectReferences({ references: resource.depends_on }, references, modulePrefix);
      found.set(`${modulePrefix}${resource.address}`, {
        providerKey: typeof resource.provider_config_key === 'string' ? resource.provider_config_key : 'aws',
        references: [...references].sort(),
        attributeReferences: referenceRecord(byAttribute),
      });
    }
    const calls = isRecord(module.module_calls) ? module.module_calls : {};
    for (const [name, call] of Object.entries(calls)) {
      if (isRecord(call)) visitModule(call.module, `${modulePrefix}module.${name}.`);
    }
  };
  const configuration = isRecord(plan.configuration) ? plan.configuration : {};
  visitModule(configuration.root_module, '');
  return found;
}

function withoutIndexes(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

export function normalizeTerraformPlan(file: string, source: SourceDocument): PolicyResource[] {
  const plan = source.toJS();
  if (!isTerraformPlan(plan))
    throw new GateInputError(file, source.startLine(), 'not a Terraform plan (no planned_values)');
  const providers = awsProviders(plan);
  const configured = configuredResources(plan);
  const pathEnvironment = environmentOfPath(file);
  const resources: Omit<PolicyResource, 'facts'>[] = [];

  const visitModule = (module: unknown, path: PathSegment[]): void => {
    if (!isRecord(module)) return;
    const planned = Array.isArray(module.resources) ? module.resources : [];
    planned.forEach((resource, index) => {
      const resourcePath = [...path, 'resources', index];
      if (!isRecord(resource) || typeof resource.address !== 'string' || typeof resource.type !== 'string') {
        throw new GateInputError(file, source.lineOf(resourcePath), 'planned resource without address or type');
      }
      if (resource.mode === 'data') return;
      const address = resource.address;
      const config = configured.get(withoutIndexes(address));
      const provider = providers.get(config?.providerKey ?? 'aws') ?? providers.get('aws');
      const values = isRecord(resource.values) ? resource.values : {};
      // tags_all is the provider's own merge of default_tags and tags; it is absent while unknown.
      const tags = isRecord(values.tags_all)
        ? sortedRecord(tagMap(values.tags_all))
        : effectiveTags(provider?.defaultTags ?? {}, values.tags);
      resources.push({
        source: 'terraform-plan',
        file,
        line: source.lineOf(resourcePath),
        group: file,
        environment: pathEnvironment ?? environmentFromValue(provider?.defaultTags.environment ?? tags.environment),
        region: typeof values.region === 'string' ? values.region : (provider?.region ?? null),
        type: resource.type,
        apiVersion: null,
        name: typeof resource.name === 'string' ? resource.name : address,
        namespace: null,
        address,
        tags,
        values,
        references: config?.references ?? [],
        attributeReferences: config?.attributeReferences ?? {},
      });
    });
    const children = Array.isArray(module.child_modules) ? module.child_modules : [];
    children.forEach((child, index) => {
      visitModule(child, [...path, 'child_modules', index]);
    });
  };

  visitModule((plan.planned_values as Record<string, unknown>).root_module, ['planned_values', 'root_module']);
  return terraformFacts(resources);
}
