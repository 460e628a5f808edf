/**
 * Where in our TypeScript each construct was created. Both synths (cdktf and cdk8s) build on
 * `constructs`, whose `Node` constructor registers every construct with its parent through
 * `addChild`; wrapping that one method captures a stack for every construct at the moment it is
 * created. The stack is kept unformatted (V8 formats `Error.stack`, source-mapped to the .ts
 * line, only when read) and read only for the constructs a source map asks about.
 */

import { isAbsolute, relative, sep } from 'node:path';
import { Node } from 'constructs';
import { REPO_ROOT } from '../core/repo-root';

/** A line of the repository's TypeScript: `terraform/database/postgres-database.ts`, line 42. */
export interface SourceSite {
  /** Repo-relative POSIX path. */
  readonly file: string;
  readonly line: number;
}

/** Deep enough to climb from `addChild` through library constructors to our own code. */
const STACK_DEPTH = 60;

const stacks = new WeakMap<object, Error>();
let recording = false;

interface NodeWithAddChild {
  addChild(child: object, childName: string): void;
}

/** Starts recording creation stacks; call before the App is created. Idempotent. */
export function recordConstructSites(): void {
  if (recording) return;
  recording = true;
  const prototype = Node.prototype as unknown as NodeWithAddChild;
  const addChild = prototype.addChild;
  prototype.addChild = function recordingAddChild(this: NodeWithAddChild, child: object, childName: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = STACK_DEPTH;
    stacks.set(child, new Error('construct created'));
    Error.stackTraceLimit = limit;
    addChild.call(this, child, childName);
  };
}

/**
 * The names of a construct's class and every class it extends: the constructors to climb past,
 * each once (our `KmsKey` construct creates the provider's `KmsKey` resource: the resource's own
 * frame is passed, ours is the site).
 */
function constructorNames(construct: object): string[] {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(construct); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (typeof proto.constructor === 'function' && proto.constructor.name) names.push(proto.constructor.name);
  }
  return names;
}

const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):\d+\)?$/;

/**
 * The first frame of the creation stack in our own sources that is not the construct's own (or
 * an ancestor's) constructor: the `new X(…)` line, or the helper that called it. Library frames
 * (node_modules, Node's internals) and this module are skipped. Undefined when nothing was
 * recorded or no frame is ours.
 */
export function constructSite(construct: object, root: string = REPO_ROOT): SourceSite | undefined {
  const stack = stacks.get(construct)?.stack;
  if (stack === undefined) return undefined;
  const own = constructorNames(construct);
  for (const frame of stack.split('\n').slice(1)) {
    const match = FRAME.exec(frame);
    if (!match) continue;
    const [, fn = '', path = '', line = ''] = match;
    const climbed = fn.startsWith('new ') ? own.indexOf(fn.slice(4)) : -1;
    if (climbed >= 0) {
      own.splice(climbed, 1);
      continue;
    }
    const file = path.startsWith('file://') ? new URL(path).pathname : path;
    if (!isAbsolute(file)) continue;
    const inRepo = relative(root, file);
    if (inRepo.startsWith('..') || inRepo.split(sep).includes('node_modules')) continue;
    if (inRepo.split(sep).join('/') === 'scripts/source-map/construct-sites.ts') continue;
    return { file: inRepo.split(sep).join('/'), line: Number(line) };
  }
  return undefined;
}
