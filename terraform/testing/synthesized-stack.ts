import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { type Environment, type EnvironmentName, loadEnvironments } from '../../environments';
import { PlatformStack } from '../platform-stack';

/** Test helpers: synthesize stacks and read the Terraform JSON the way Terraform will. */

// biome-ignore lint/suspicious/noExplicitAny: synthesized Terraform JSON is untyped by nature.
export type Json = any;

export interface SynthesizedStack {
  readonly environment: Environment;
  /** The whole `cdk.tf.json` document. */
  readonly json: Json;
  /** Resources of one type, by logical name (`{}` when there are none). */
  resources(type: string): Record<string, Json>;
  /** The one resource of a type, failing the test when there are none or several. */
  only(type: string): Json;
}

export function synthesizedStackOf(environment: Environment, json: Json): SynthesizedStack {
  const resources = (type: string): Record<string, Json> => json.resource?.[type] ?? {};
  return {
    environment,
    json,
    resources,
    only(type) {
      const all = Object.values(resources(type));
      if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
      return all[0];
    },
  };
}

const cache = new Map<EnvironmentName, SynthesizedStack>();

/** The platform stack of a declared environment, synthesized once per test file. */
export function platformStack(name: EnvironmentName): SynthesizedStack {
  const cached = cache.get(name);
  if (cached) return cached;
  const environment = loadEnvironments().find((env) => env.name === name);
  if (!environment) throw new Error(`environment ${name} is not declared`);
  const stack = synthesizeEnvironment(environment);
  cache.set(name, stack);
  return stack;
}

/** The platform stack of any environment object, e.g. a declared one with a field changed. */
export function synthesizeEnvironment(environment: Environment): SynthesizedStack {
  const stack = new PlatformStack(Testing.app(), { environment });
  return synthesizedStackOf(environment, JSON.parse(Testing.synth(stack)));
}

/** One construct in a bare stack of the given environment, via `Testing.synthScope`. */
export function synthesizeConstruct(environment: Environment, build: (scope: Construct) => void): SynthesizedStack {
  return synthesizedStackOf(environment, JSON.parse(Testing.synthScope(build)));
}

/** Parses an IAM policy document as committed (Terraform references stay `${…}` strings). */
export function policy(document: string): Json {
  return JSON.parse(document);
}

/** Statements of a policy document by Sid. */
export function statement(document: string, sid: string): Json {
  const found = policy(document).Statement.find((s: Json) => s.Sid === sid);
  if (!found) throw new Error(`policy has no statement ${sid}: ${document}`);
  return found;
}

/** `${aws_kms_key.keys_database_key.arn}`: how a synthesized attribute refers to another. */
export function ref(type: string, name: string, attribute: string): string {
  return expression(`${type}.${name}.${attribute}`);
}

/** Any Terraform expression as it appears inside a synthesized string, `${…}`. */
export function expression(text: string): string {
  return `\${${text}}`;
}
