/**
 * Terraform configuration JSON (`cdk.tf.json` as cdktf synthesizes it) → policy resources.
 * Each `resource.<type>.<name>` becomes one resource; data sources, outputs, variables and the
 * cdktf `//` metadata are not resources.
 * https://developer.hashicorp.com/terraform/language/syntax/json
 */

import { GateInputError } from '../core/errors';
import { isRecord } from '../core/is-record';
import { environmentFromValue, environmentOfPath } from '../core/source/location';
import type { SourceDocument } from '../core/source/source-document';
import {
  type AwsProvider,
  configAttributeReferences,
  configReferences,
  effectiveTags,
  tagMap,
  withoutMetadata,
} from './terraform-common';
import { terraformFacts } from './terraform-facts';
import type { PolicyResource } from './types';
import { resolveConfigValue } from './unknown-values';

/** True for a JSON document shaped like Terraform configuration (and not a plan). */
export function isTerraformConfig(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    !('format_version' in value) &&
    ('resource' in value || 'provider' in value || 'terraform' in value)
  );
}

/** `default_tags` is a block: cdktf writes it as a one-element list, hand-written JSON may use an object. */
function defaultTagsOf(block: Record<string, unknown>): Record<string, string> {
  const raw = block.default_tags;
  const first = Array.isArray(raw) ? raw[0] : raw;
  return isRecord(first) ? tagMap(first.tags) : {};
}

/** AWS provider configurations by alias (`''` for the default one). */
function awsProviders(config: Record<string, unknown>): Map<string, AwsProvider> {
  const providers = new Map<string, AwsProvider>();
  const raw = isRecord(config.provider) ? config.provider.aws : undefined;
  const blocks = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const alias = typeof block.alias === 'string' ? block.alias : '';
    providers.set(alias, {
      region: typeof block.region === 'string' ? block.region : null,
      defaultTags: defaultTagsOf(block),
    });
  }
  return providers;
}

/** The provider a resource uses: its `provider` meta-argument (`aws.alias`) or the default one. */
function providerOf(body: Record<string, unknown>, providers: Map<string, AwsProvider>): AwsProvider | undefined {
  const reference = typeof body.provider === 'string' ? body.provider.replace(/^\$\{|\}$/g, '') : 'aws';
  const [name, alias = ''] = reference.split('.');
  return name === 'aws' ? providers.get(alias) : undefined;
}

export function normalizeTerraformConfig(file: string, source: SourceDocument): PolicyResource[] {
  const config = source.toJS();
  if (!isTerraformConfig(config)) {
    throw new GateInputError(
      file,
      source.startLine(),
      'not a Terraform configuration (no resource, provider or terraform block)',
    );
  }
  const providers = awsProviders(config);
  const pathEnvironment = environmentOfPath(file);
  const resources: Omit<PolicyResource, 'facts'>[] = [];
  const blocks = config.resource ?? {};
  if (!isRecord(blocks))
    throw new GateInputError(file, source.lineOf(['resource']), '"resource" must be an object of resource types');
  for (const [type, byName] of Object.entries(blocks)) {
    if (type === '//') continue;
    if (!isRecord(byName)) {
      throw new GateInputError(
        file,
        source.lineOf(['resource', type]),
        `resource.${type} must be an object of named resources`,
      );
    }
    for (const [name, rawBody] of Object.entries(byName)) {
      if (name === '//') continue;
      const line = source.lineOf(['resource', type, name]);
      if (!isRecord(rawBody)) throw new GateInputError(file, line, `resource.${type}.${name} must be an object`);
      const body = withoutMetadata(rawBody) as Record<string, unknown>;
      const provider = providerOf(body, providers);
      resources.push({
        source: 'terraform',
        file,
        line,
        group: file,
        environment: pathEnvironment ?? environmentFromValue(provider?.defaultTags.environment),
        region: typeof body.region === 'string' ? body.region : (provider?.region ?? null),
        type,
        apiVersion: null,
        name,
        namespace: null,
        address: `${type}.${name}`,
        tags: effectiveTags(provider?.defaultTags ?? {}, body.tags),
        values: resolveConfigValue(body) as Record<string, unknown>,
        references: configReferences(body),
        attributeReferences: configAttributeReferences(body),
      });
    }
  }
  return terraformFacts(resources);
}
