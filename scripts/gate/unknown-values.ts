/**
 * Values Terraform only knows at plan or apply time. In configuration JSON an attribute written
 * as `"${var.key}"`, `"${null}"`, `"${module.kms.arn}"`, `"${data.x.y.arn}"`, a function call or a
 * `dynamic` block has no value the gate can judge, so it reaches the policies as the UNKNOWN
 * marker, and the Rego helpers count it as "not set" (policies/lib/resources.rego). A whole-string
 * reference to a managed resource (`"${aws_kms_key.rds.arn}"`) stays: it names what will be there.
 * https://developer.hashicorp.com/terraform/language/syntax/json#expression-mapping
 */

import { isRecord } from '../core/is-record';
import { addressOfTraversal, interpolations } from './terraform-common';

/** The key of the marker object; policies test for it with `resources.unknown(x)`. */
export const UNKNOWN_KEY = '$unknown';

export interface UnknownValue {
  readonly [UNKNOWN_KEY]: string;
}

export function unknownValue(expression: string): UnknownValue {
  return { [UNKNOWN_KEY]: expression };
}

/** Meta-arguments Terraform reads itself; they are not resource attributes. */
const META_ARGUMENTS = new Set([
  'provider',
  'depends_on',
  'lifecycle',
  'count',
  'for_each',
  'provisioner',
  'connection',
]);

/** A traversal with an index or attribute chain, and nothing else (no call, operator or literal). */
const WHOLE_TRAVERSAL = /^\s*[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_*][\w-]*(?:\[[^\]]*\])?)+\s*$/;

/** The expression of a string that is exactly one `${…}` interpolation, else undefined. */
function wholeInterpolation(text: string): string | undefined {
  if (!text.startsWith('${') || !text.endsWith('}')) return undefined;
  const found = interpolations(text);
  return found.length === 1 && `\${${found[0]}}` === text ? found[0] : undefined;
}

/** True when the expression is a plain reference to a managed resource's attribute. */
function isResourceReference(expression: string): boolean {
  if (!WHOLE_TRAVERSAL.test(expression)) return false;
  const address = addressOfTraversal(expression.trim());
  return address !== undefined && !address.startsWith('data.') && !address.startsWith('module.');
}

/** A configuration value with every unresolvable whole-string interpolation and dynamic block marked unknown. */
export function resolveConfigValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const expression = wholeInterpolation(value);
    if (expression === undefined || isResourceReference(expression)) return value;
    return unknownValue(expression.trim());
  }
  if (Array.isArray(value)) return value.map(resolveConfigValue);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'dynamic' && isRecord(inner)) continue;
    result[key] = META_ARGUMENTS.has(key) ? inner : resolveConfigValue(inner);
  }
  // A dynamic block's content depends on its for_each: how many blocks, and with what, is unknown.
  const dynamic = value.dynamic;
  if (isRecord(dynamic)) {
    for (const name of Object.keys(dynamic)) {
      if (!(name in result)) result[name] = unknownValue(`dynamic "${name}"`);
    }
  }
  return result;
}
