/**
 * Edits a scratch copy of the synthesized output, one defect at a time, for the mutation tests.
 * Every lookup fails loudly when what it looks for is not in the output: a mutation that finds
 * nothing to break must fail the test, not pass it.
 */

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import type { EnvironmentName } from '../../../environments/model';

type Json = Record<string, unknown>;

/** Where the defect was planted: what the gate must point at. */
export interface MutationTarget {
  /** Root-relative POSIX path. */
  readonly file: string;
  /** The resource address the violation must name. */
  readonly resource: string;
  /**
   * The offending attribute as the file writes it (below the resource), when the policy names
   * it: the violation must point at its line (or its nearest written ancestor's), not the
   * resource's first line.
   */
  readonly path?: readonly (string | number)[];
}

export interface TerraformResourceHandle extends MutationTarget {
  readonly type: string;
  readonly name: string;
  /** The resource body; edit it in place, then `save()`. */
  readonly body: Json;
  /** The whole configuration (to add resources or edit the provider). */
  readonly config: Json;
  save(): void;
}

export interface KubernetesObjectHandle extends MutationTarget {
  /** The object's YAML document; edit with setIn/deleteIn, then `save()`. */
  readonly document: Document;
  save(): void;
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

export class MutableTree {
  constructor(readonly root: string) {}

  stackFile(env: EnvironmentName): string {
    return `terraform/cdktf.out/stacks/${env}/cdk.tf.json`;
  }

  readTerraform(env: EnvironmentName): Json {
    return JSON.parse(readFileSync(join(this.root, this.stackFile(env)), 'utf8')) as Json;
  }

  writeTerraform(env: EnvironmentName, config: Json): void {
    writeFileSync(join(this.root, this.stackFile(env)), `${JSON.stringify(config, null, 2)}\n`);
  }

  /** The first resource of `type` (in name order) that `where` accepts. */
  terraformResource(
    env: EnvironmentName,
    type: string,
    where: (body: Json, name: string) => boolean = () => true,
  ): TerraformResourceHandle {
    const config = this.readTerraform(env);
    const ofType = ((config.resource as Json | undefined)?.[type] ?? {}) as Record<string, Json>;
    const name = Object.keys(ofType)
      .sort()
      .find((candidate) => where(ofType[candidate] as Json, candidate));
    if (name === undefined) throw new Error(`no ${type} matching the mutation in ${this.stackFile(env)}`);
    return {
      file: this.stackFile(env),
      resource: `${type}.${name}`,
      type,
      name,
      body: ofType[name] as Json,
      config,
      save: () => this.writeTerraform(env, config),
    };
  }

  /** Adds a resource to a stack and returns where it went. */
  addTerraformResource(env: EnvironmentName, type: string, name: string, body: Json): MutationTarget {
    const config = this.readTerraform(env);
    const resources = (config.resource ?? {}) as Record<string, Record<string, Json>>;
    resources[type] = { ...(resources[type] ?? {}), [name]: body };
    config.resource = resources;
    this.writeTerraform(env, config);
    return { file: this.stackFile(env), resource: `${type}.${name}` };
  }

  private yamlFiles(env: EnvironmentName): string[] {
    const walk = (dir: string): string[] =>
      readdirSync(dir)
        .sort()
        .flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : /\.ya?ml$/.test(name) ? [path] : [];
        });
    return walk(join(this.root, 'clusters', env));
  }

  /** The first object of `kind` (in file order) that `where` accepts. */
  kubernetesObject(
    env: EnvironmentName,
    kind: string,
    where: (object: Json) => boolean = () => true,
  ): KubernetesObjectHandle {
    for (const path of this.yamlFiles(env)) {
      const text = readFileSync(path, 'utf8');
      if (!text.includes(`kind: ${kind}`)) continue;
      const documents = parseAllDocuments(text, { lineCounter: new LineCounter() });
      for (const document of documents) {
        const object = document.toJS() as Json | null;
        if (object?.kind !== kind || !where(object)) continue;
        const metadata = object.metadata as { name: string; namespace?: string };
        const file = posix(relative(this.root, path));
        return {
          file,
          resource: metadata.namespace ? `${kind}/${metadata.namespace}/${metadata.name}` : `${kind}/${metadata.name}`,
          document,
          save: () => writeFileSync(path, documents.map((d) => d.toString()).join('')),
        };
      }
    }
    throw new Error(`no ${kind} matching the mutation in clusters/${env}`);
  }

  /** Writes a new manifest file below clusters/<env>/. */
  addManifest(env: EnvironmentName, relativePath: string, text: string, resource: string): MutationTarget {
    const file = `clusters/${env}/${relativePath}`;
    mkdirSync(dirname(join(this.root, file)), { recursive: true });
    writeFileSync(join(this.root, file), text);
    return { file, resource };
  }
}
