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

/** The names of a construct's class and every class it extends: the constructors to climb past. */
function constructorNames(construct: object): string[] {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(construct); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (typeof proto.constructor === 'function' && proto.constructor.name) names.push(proto.constructor.name);
  }
  return names;
}

const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):\d+\)?$/;

interface Frame {
  readonly fn: string;
  /** Repo-relative POSIX path, or undefined outside our sources (libraries, Node). */
  readonly file: string | undefined;
  readonly line: number;
}

const THIS_MODULE = 'scripts/source-map/construct-sites.ts';
const factories = new Set<string>();

/**
 * Marks a plain function that only wraps `new` (`customResource`): its frame (named exactly after
 * it) is passed over like a library's, so the site is the line that called it, where the
 * object's content is written.
 */
export function markConstructFactory(factory: { readonly name: string }): void {
  factories.add(factory.name);
}

function parseFrames(stack: string, root: string): Frame[] {
  return stack
    .split('\n')
    .slice(1)
    .flatMap((text) => {
      const match = FRAME.exec(text);
      if (!match) return [];
      const [, fn = '', path = '', line = ''] = match;
      const absolute = path.startsWith('file://') ? new URL(path).pathname : path;
      const inRepo = isAbsolute(absolute) ? relative(root, absolute) : '..';
      const ours = !inRepo.startsWith('..') && !inRepo.split(sep).includes('node_modules');
      return [{ fn, file: ours ? inRepo.split(sep).join('/') : undefined, line: Number(line) }];
    });
}

/**
 * The line of our code that created a construct, from its creation stack: climb past the
 * construct's own constructor chain (each class once: our `KmsKey` construct creates the
 * provider's `KmsKey` resource, whose frame is passed, ours is the site), library frames, this
 * module and marked factories; then, from a helper (a method or local function, not a
 * constructor), on to its caller while that stays in the same file — `policy('default-deny', …)`
 * rather than the one `new` inside `policy`. Undefined when nothing was recorded or no frame is ours.
 */
export function constructSite(construct: object, root: string = REPO_ROOT): SourceSite | undefined {
  const stack = stacks.get(construct)?.stack;
  if (stack === undefined) return undefined;
  const own = constructorNames(construct);
  const frames = parseFrames(stack, root);
  let index = frames.findIndex((frame) => {
    const climbed = frame.fn.startsWith('new ') ? own.indexOf(frame.fn.slice(4)) : -1;
    if (climbed >= 0) {
      own.splice(climbed, 1);
      return false;
    }
    return frame.file !== undefined && frame.file !== THIS_MODULE && !factories.has(frame.fn);
  });
  if (index < 0) return undefined;
  while (!frames[index]?.fn.startsWith('new ') && frames[index + 1]?.file === frames[index]?.file) index += 1;
  const site = frames[index];
  return site?.file === undefined ? undefined : { file: site.file, line: site.line };
}
