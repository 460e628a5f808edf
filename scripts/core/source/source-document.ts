/**
 * Parsing with positions. Every source kind answers "which line does this resource start on" the
 * same way. `yaml` is the reference reader (JSON is YAML 1.2 flow syntax); faster readers answer
 * first when they can vouch for giving what it would: `JSON.parse` with lines from a scan of the
 * text (`json-source.ts`) and js-yaml's event parser (`yaml-fast-source.ts`); anything they
 * decline is read by `yaml`, so errors and lines stay the reference's. Both the gate and
 * validate:manifests parse through here, and both refuse (exit 2) every construct Kubernetes'
 * YAML 1.1 decoder reads differently (`yaml-portability.ts`), so neither judges an object other
 * than the one the cluster receives.
 */

import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import { GateInputError } from '../errors';
import { fastJsonSource } from './json-source';
import { fastYamlSources } from './yaml-fast-source';
import { portabilityProblems } from './yaml-portability';

export type PathSegment = string | number;

/** A parsed document that can report the line of any path inside it. */
export interface SourceDocument {
  readonly file: string;
  /** The document as plain data. */
  toJS(): unknown;
  /** True when the document holds nothing (only comments or whitespace). */
  isEmpty(): boolean;
  /** Line of the document's own content (after any leading comments). */
  startLine(): number;
  /**
   * Line where the value at `path` is declared: the line of its key inside a map, of the item
   * inside a sequence. Falls back to the nearest ancestor that exists.
   */
  lineOf(path: readonly PathSegment[]): number;
}

/** A document `yaml` parsed, with its node ranges. */
class YamlSourceDocument implements SourceDocument {
  constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  toJS(): unknown {
    return this.document.toJS({ maxAliasCount: 100 });
  }

  isEmpty(): boolean {
    const contents = this.document.contents;
    return contents === null || (isScalar(contents) && (contents.value === null || contents.value === undefined));
  }

  startLine(): number {
    const contents = this.document.contents as Node | null;
    return contents?.range ? this.lineCounter.linePos(contents.range[0]).line : 1;
  }

  lineOf(path: readonly PathSegment[]): number {
    let node: unknown = this.document.contents;
    let line = this.startLine();
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
        if (!pair) return line;
        const keyRange = (pair.key as Node).range;
        if (keyRange) line = this.lineCounter.linePos(keyRange[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return line;
        if (item.range) line = this.lineCounter.linePos(item.range[0]).line;
        node = item;
      } else {
        return line;
      }
    }
    return line;
  }
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

function firstError(file: string, document: Document, lineCounter: LineCounter): GateInputError | undefined {
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    return new GateInputError(file, line, `cannot parse: ${error.message.split('\n')[0]}`);
  }
  const problem = portabilityProblems(document)[0];
  if (!problem) return undefined;
  return new GateInputError(file, lineCounter.linePos(problem.offset).line, problem.message);
}

/**
 * Runs the parser, turning a stack overflow on pathological nesting into an error naming the
 * file (never a stack trace).
 */
function guarded<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new GateInputError(file, null, `cannot parse: nesting too deep for the parser (${error.message})`);
    }
    throw error;
  }
}

/** Parses a JSON file strictly, keeping positions: `JSON.parse` when it can vouch, else `yaml`. */
export function parseJsonSource(file: string, text: string): SourceDocument {
  return fastJsonSource(file, text) ?? parseJsonWithYaml(file, text);
}

/** The reference reading of JSON (JSON schema: no YAML-only scalars); exported for the fast path's tests. */
export function parseJsonWithYaml(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const document = guarded(file, () => parseDocument(text, { ...PARSE_OPTIONS, lineCounter, schema: 'json' }));
  const error = firstError(file, document, lineCounter);
  if (error) throw error;
  return new YamlSourceDocument(file, document, lineCounter);
}

/**
 * Parses every document of a YAML stream, keeping positions; empty documents between others are
 * dropped, but a stream with no document at all is refused (an empty manifest in a synced folder
 * is a mistake, not an object).
 */
export function parseYamlSources(file: string, text: string): SourceDocument[] {
  const reference = () => parseYamlWithYaml(file, text);
  return fastYamlSources(file, text, reference) ?? reference();
}

/** The reference reading of a YAML stream; exported for the fast path's tests. */
export function parseYamlWithYaml(file: string, text: string): SourceDocument[] {
  const lineCounter = new LineCounter();
  const parsed: SourceDocument[] = [];
  const documents = guarded(file, () => parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }));
  for (const document of documents) {
    const error = firstError(file, document, lineCounter);
    if (error) throw error;
    const source = new YamlSourceDocument(file, document, lineCounter);
    if (!source.isEmpty()) parsed.push(source);
  }
  if (parsed.length === 0) {
    throw new GateInputError(file, null, 'holds no YAML document (empty or comments only): refused; delete it');
  }
  return parsed;
}
