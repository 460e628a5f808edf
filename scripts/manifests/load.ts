import { readFileSync } from 'node:fs';
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';

/** A path into an object: keys and array indexes, as `yaml`'s `getIn` takes them. */
export type FieldPath = readonly (string | number)[];

/** One YAML document of a manifest file, with what is needed to point at its lines. */
export interface LoadedObject {
  /** The file as the caller named it (repo-relative when run from the repository root). */
  readonly file: string;
  /** 1-based line where the document's content starts. */
  readonly line: number;
  /** The document as plain data. */
  readonly value: unknown;
  /** 1-based line of the field at `path`, or of its nearest ancestor present in the document. */
  lineOf(path: FieldPath): number;
}

export interface ManifestFile {
  readonly file: string;
  /** Non-empty documents in file order; a file of comments only has none. */
  readonly objects: readonly LoadedObject[];
}

/** A file that cannot be read or parsed: the run cannot vouch for it, so it stops with exit 2. */
export class ManifestReadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${reason}`);
    this.name = 'ManifestReadError';
  }
}

export function loadManifestFile(file: string): ManifestFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ManifestReadError(file, undefined, `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return parseManifests(file, text);
}

/** Parses multi-document YAML, keeping source positions so errors can name lines. */
export function parseManifests(file: string, text: string): ManifestFile {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const objects: LoadedObject[] = [];
  for (const document of documents) {
    const [firstError] = document.errors;
    if (firstError) {
      const line = lineCounter.linePos(firstError.pos[0]).line;
      throw new ManifestReadError(file, line, `is not valid YAML: ${firstError.message.split('\n')[0]}`);
    }
    // A document of comments only (`---` then `# …`) parses to a null scalar, not to no content.
    if (document.contents === null || (isScalar(document.contents) && document.contents.value === null)) continue;
    objects.push(loadedObject(file, document, lineCounter));
  }
  return { file, objects };
}

function loadedObject(file: string, document: Document.Parsed, lineCounter: LineCounter): LoadedObject {
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? 1 : Math.max(1, lineCounter.linePos(offset).line);
  const line = lineAt(document.contents?.range[0]);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ManifestReadError(file, line, `cannot be converted to data: ${(error as Error).message}`);
  }
  return {
    file,
    line,
    value,
    lineOf(path: FieldPath): number {
      for (let depth = path.length; depth > 0; depth -= 1) {
        const offset = fieldOffset(document, path.slice(0, depth));
        if (offset !== undefined) return lineAt(offset);
      }
      return line;
    },
  };
}

/**
 * Where a field starts: a mapping entry at its key (the line a reader looks for, also when the
 * value is a block below it), a sequence item at the item.
 */
function fieldOffset(document: Document.Parsed, path: FieldPath): number | undefined {
  const parent = document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === last);
    return isNode(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    return isNode(item) ? item.range?.[0] : undefined;
  }
  return undefined;
}
