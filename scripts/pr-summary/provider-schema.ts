/**
 * The part of `terraform providers schema -json` a synthetic state needs: each resource type's
 * schema version and attribute types.
 * https://developer.hashicorp.com/terraform/cli/commands/providers/schema
 */
import { isRecord } from '../core/is-record';
import { SummaryInputError } from './errors';

/** A cty type as `providers schema -json` writes it: `"string"`, `["list", T]`, `["object", {…}]`. */
export type CtyType = string | readonly [string, unknown];

export interface SchemaAttribute {
  readonly type?: CtyType;
}

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, { readonly nesting_mode: string; readonly block: SchemaBlock }>>;
}

export interface ResourceSchema {
  readonly version: number;
  readonly block: SchemaBlock;
}

/** `resource_schemas` of every provider, by provider source address. */
export type ProviderSchemas = Readonly<Record<string, Readonly<Record<string, ResourceSchema>>>>;

/** Reads the resource schemas out of `terraform providers schema -json`. */
export function resourceSchemas(schemaJson: unknown): ProviderSchemas {
  const providers = isRecord(schemaJson) ? schemaJson.provider_schemas : undefined;
  if (!isRecord(providers)) {
    throw new SummaryInputError('terraform providers schema -json wrote no "provider_schemas"');
  }
  return Object.fromEntries(
    Object.entries(providers).map(([source, schema]) => [
      source,
      (isRecord(schema) && isRecord(schema.resource_schemas) ? schema.resource_schemas : {}) as Record<
        string,
        ResourceSchema
      >,
    ]),
  );
}

/** The element type of a list, set or map type. */
export function elementType(type: CtyType | undefined): CtyType | undefined {
  return Array.isArray(type) && (type[0] === 'list' || type[0] === 'set' || type[0] === 'map')
    ? (type[1] as CtyType)
    : undefined;
}
