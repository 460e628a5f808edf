/**
 * Edits the synthesized output in memory, one defect at a time, for the mutation tests: the
 * files are root-relative paths mapped to their text, so a mutation costs a parse and a write of
 * the files it touches, never a copy of the tree. `read` loads a tree from disk and `writeTo`
 * puts the edits back, for tests that run the gate or a CLI on a folder. Every lookup fails
 * loudly when what it looks for is not in the output: a mutation that finds nothing to break
 * must fail the test, not pass it.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import type { EnvironmentName } from '../../../environments/model';
import { compareText } from '../../core/compare';
import { synthesizedFiles } from './synthesized-copy';

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

/** Path order of a sorted recursive walk: folder by folder, as the gate collects files. */
export function compareWalkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const order = compareText(left[i] as string, right[i] as string);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

export class MutableTree {
  private readonly texts: Map<string, string>;
  private readonly touched = new Set<string>();

  /** `files`: root-relative POSIX path → text; the tree edits its own copy of the map. */
  constructor(files: ReadonlyMap<string, string>) {
    this.texts = new Map(files);
  }

  /** The synthesized output under `root` (every stack's cdk.tf.json and all of clusters/). */
  static read(root: string): MutableTree {
    return new MutableTree(
      new Map(synthesizedFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')])),
    );
  }

  /** Every file now in the tree, in walk order. */
  files(): string[] {
    return [...this.texts.keys()].sort(compareWalkOrder);
  }

  /** The files written, added or removed since the tree was made. */
  changedFiles(): string[] {
    return [...this.touched].sort(compareWalkOrder);
  }

  has(file: string): boolean {
    return this.texts.has(file);
  }

  text(file: string): string {
    const text = this.texts.get(file);
    if (text === undefined) throw new Error(`${file} is not in the synthesized output`);
    return text;
  }

  write(file: string, text: string): void {
    this.texts.set(file, text);
    this.touched.add(file);
  }

  removeFile(file: string): void {
    if (!this.texts.delete(file)) throw new Error(`${file} is not in the synthesized output`);
    this.touched.add(file);
  }

  /** Writes the changed files into `root` and deletes the removed ones there. */
  writeTo(root: string): void {
    for (const file of this.touched) {
      const text = this.texts.get(file);
      const path = join(root, file);
      if (text === undefined) {
        rmSync(path, { force: true });
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }

  stackFile(env: EnvironmentName): string {
    return `terraform/cdktf.out/stacks/${env}/cdk.tf.json`;
  }

  readTerraform(env: EnvironmentName): Json {
    return JSON.parse(this.text(this.stackFile(env))) as Json;
  }

  writeTerraform(env: EnvironmentName, config: Json): void {
    this.write(this.stackFile(env), `${JSON.stringify(config, null, 2)}\n`);
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
    return this.files().filter((file) => file.startsWith(`clusters/${env}/`) && /\.ya?ml$/.test(file));
  }

  /** The first object of `kind` (in file order) that `where` accepts. */
  kubernetesObject(
    env: EnvironmentName,
    kind: string,
    where: (object: Json) => boolean = () => true,
  ): KubernetesObjectHandle {
    for (const file of this.yamlFiles(env)) {
      const text = this.text(file);
      if (!text.includes(`kind: ${kind}`)) continue;
      const documents = parseAllDocuments(text, { lineCounter: new LineCounter() });
      for (const document of documents) {
        const object = document.toJS() as Json | null;
        if (object?.kind !== kind || !where(object)) continue;
        const metadata = object.metadata as { name: string; namespace?: string };
        return {
          file,
          resource: metadata.namespace ? `${kind}/${metadata.namespace}/${metadata.name}` : `${kind}/${metadata.name}`,
          document,
          save: () => this.write(file, documents.map((d) => d.toString()).join('')),
        };
      }
    }
    throw new Error(`no ${kind} matching the mutation in clusters/${env}`);
  }

  /** Adds a new manifest file below clusters/<env>/. */
  addManifest(env: EnvironmentName, relativePath: string, text: string, resource: string): MutationTarget {
    const file = `clusters/${env}/${relativePath}`;
    this.write(file, text);
    return { file, resource };
  }
}

/** Plants defects in the synthesized output under `root` on disk: read, edit in memory, write back. */
export function plantOnDisk<T>(root: string, plant: (tree: MutableTree) => T): T {
  const tree = MutableTree.read(root);
  const result = plant(tree);
  tree.writeTo(root);
  return result;
}
