/**
 * The fast path for YAML: js-yaml's event parser (about six times faster than `yaml`'s document
 * model on our manifests) reads the stream, one pass over its events checks everything the
 * portability rule refuses, and js-yaml builds the values with `yaml`'s own core-schema
 * resolvers, so a plain scalar means what it means to the reference parser. It only answers for
 * streams it can vouch for: anything refused or unusual (an anchor, alias, tag or directive, a
 * YAML 1.1-only plain scalar, a merge key, a non-string or collection key, nesting past the cap,
 * a quoted or block scalar as a whole document, a stream without documents, or anything js-yaml
 * itself rejects) returns undefined, and the
 * caller parses with `yaml` for its exact error, line and value.
 *
 * Lines: each document's start line comes from the events; a deeper path (a List's items, a
 * validate:manifests finding) parses the file with `yaml` once, only when asked.
 */

import {
  constructFromEvents,
  defineScalarTag,
  EVENT_ID,
  type Event,
  getScalarValue,
  mapTag,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  Schema,
  seqTag,
  strTag,
} from 'js-yaml';
import { isScalar, type ScalarTag, Schema as YamlSchema } from 'yaml';
import { LineTable } from './line-table';
import type { PathSegment, SourceDocument } from './source-document';
import { MAX_NESTING_DEPTH, plainScalarProblem } from './yaml-portability';

/** `yaml`'s YAML 1.2 core-schema scalar tags, in the order it tries them on a plain scalar. */
const YAML_CORE_SCALARS = new YamlSchema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag => !('collection' in tag && tag.collection) && tag.default === true && tag.test !== undefined,
);

/** First characters of every plain scalar a core tag matches: null (also empty), booleans, numbers. */
const CORE_FIRST_CHARS = ['', '~', 'n', 'N', 't', 'T', 'f', 'F', '+', '-', '.', ...'0123456789'];

/**
 * First characters of every scalar the event check must read: the core ones, YAML 1.1's booleans
 * and numbers (`y`, `o`, `_`…), and `<` or an escape that may spell a merge key.
 */
const CHECKED_FIRST_CHARS = new Set([...CORE_FIRST_CHARS, 'y', 'Y', 'o', 'O', '_', '<', '\\']);

/** The core tag `yaml` would resolve this plain scalar with, or undefined for a string. */
function coreScalarTag(source: string): ScalarTag | undefined {
  return YAML_CORE_SCALARS.find((tag) => tag.test?.test(source));
}

/** One implicit tag that resolves plain scalars exactly as `yaml`'s core schema does. */
const yamlCoreScalar = defineScalarTag('tag:ecolaura.io,2026:yaml-core', {
  implicit: true,
  implicitFirstChars: CORE_FIRST_CHARS,
  resolve: (source) => {
    const tag = coreScalarTag(source);
    if (!tag) return NOT_RESOLVED;
    const resolved: unknown = tag.resolve(source, () => {}, { intAsBigInt: false } as Parameters<
      ScalarTag['resolve']
    >[2]);
    return isScalar(resolved) ? resolved.value : resolved;
  },
  identify: () => false,
});

/** Strings, sequences and objects, with only the core resolver for plain scalars; explicit tags are refused earlier. */
const SCHEMA = new Schema([strTag, seqTag, mapTag, yamlCoreScalar]);

interface Frame {
  readonly collection: boolean;
  readonly mapping: boolean;
  /** Children seen so far: in a mapping, even ones are keys. */
  children: number;
}

/** Start offset of each document's root node, or undefined when the stream needs the full reading. */
function checkedDocumentStarts(text: string, events: readonly Event[]): number[] | undefined {
  const starts: number[] = [];
  const stack: Frame[] = [];
  let collections = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.POP) {
      if (stack.pop()?.collection) collections -= 1;
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) {
      if (event.directives.length > 0) return undefined;
      stack.push({ collection: false, mapping: false, children: 0 });
      starts.push(-1);
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
    const parent = stack[stack.length - 1];
    if (!parent) return undefined;
    const isKey = parent.mapping && parent.children % 2 === 0;
    parent.children += 1;
    if (stack.length === 1) {
      // A quoted or block scalar's events start at its content, yaml's range at its indicator.
      if (event.type === EVENT_ID.SCALAR && event.style !== SCALAR_STYLE.PLAIN) return undefined;
      starts[starts.length - 1] = event.type === EVENT_ID.SCALAR ? event.valueStart : event.start;
    }
    if (event.type === EVENT_ID.SCALAR) {
      if (event.valueEnd > event.valueStart && !CHECKED_FIRST_CHARS.has(text.charAt(event.valueStart))) continue;
      const value = getScalarValue(text, event);
      if (isKey && (value === '<<' || (event.style === SCALAR_STYLE.PLAIN && coreScalarTag(value)))) return undefined;
      if (event.style === SCALAR_STYLE.PLAIN && plainScalarProblem(value)) return undefined;
      continue;
    }
    if (isKey) return undefined;
    collections += 1;
    if (collections > MAX_NESTING_DEPTH) return undefined;
    stack.push({ collection: true, mapping: event.type === EVENT_ID.MAPPING, children: 0 });
  }
  return starts;
}

class YamlFastDocument implements SourceDocument {
  constructor(
    readonly file: string,
    private readonly value: unknown,
    private readonly line: number,
    private readonly referenceDocument: () => SourceDocument,
  ) {}

  toJS(): unknown {
    return this.value;
  }

  isEmpty(): boolean {
    return this.value === null;
  }

  startLine(): number {
    return this.line;
  }

  lineOf(path: readonly PathSegment[]): number {
    return path.length === 0 ? this.line : this.referenceDocument().lineOf(path);
  }
}

/**
 * The non-empty documents of a YAML stream, or undefined when only the full `yaml` reading can
 * judge it. `reference` parses the stream that way; it is called at most once, only when a line
 * below a document's root is asked for.
 */
export function fastYamlSources(
  file: string,
  text: string,
  reference: () => readonly SourceDocument[],
): SourceDocument[] | undefined {
  let values: unknown[];
  let starts: number[] | undefined;
  try {
    const events = parseEvents(text, { filename: file });
    starts = checkedDocumentStarts(text, events);
    if (!starts) return undefined;
    values = constructFromEvents(events, { source: text, schema: SCHEMA });
  } catch {
    return undefined;
  }
  if (values.length !== starts.length) return undefined;
  const lines = new LineTable(text);
  let referenced: readonly SourceDocument[] | undefined;
  const documents: SourceDocument[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const position = documents.length;
    documents.push(
      new YamlFastDocument(file, value, lines.lineAt(starts[index] as number), () => {
        referenced ??= reference();
        return referenced[position] as SourceDocument;
      }),
    );
  });
  return documents.length > 0 ? documents : undefined;
}
