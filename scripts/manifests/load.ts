import { lstatSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { GateInputError, ToolError } from '../core/errors';
import { REPO_ROOT } from '../core/repo-root';
import { readSourceFile } from '../core/source/read-source-file';
import { type PathSegment, parseYamlSources, type SourceDocument } from '../core/source/source-document';

/** A path into an object: keys and array indexes. */
export type FieldPath = readonly PathSegment[];

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
export class ManifestReadError extends ToolError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${reason}`);
    this.name = 'ManifestReadError';
  }
}

/** Symlinks may point anywhere inside the repository, never out of it (like the gate's walk). */
const REPOSITORY_ROOT = REPO_ROOT;

function resolveInsideRepository(file: string): string {
  const real = realpathSync(file);
  const rel = relative(REPOSITORY_ROOT, real);
  if (lstatSync(file).isSymbolicLink() && (rel.startsWith('..') || resolve(REPOSITORY_ROOT, rel) !== real)) {
    throw new ManifestReadError(file, undefined, 'is a symbolic link out of the repository: refused');
  }
  return real;
}

export function loadManifestFile(file: string): ManifestFile {
  let text: string;
  try {
    // The gate's reader: the same size cap, UTF-8 and regular-file checks as `npm run gate`.
    text = readSourceFile(resolveInsideRepository(file), file);
  } catch (error) {
    if (error instanceof ManifestReadError) throw error;
    if (error instanceof GateInputError) throw new ManifestReadError(file, undefined, error.problem);
    throw new ManifestReadError(file, undefined, `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return parseManifests(file, text);
}

/**
 * Parses multi-document YAML with positions, through the gate's parser so that both tools read
 * a manifest, and name its lines, the same way.
 */
export function parseManifests(file: string, text: string): ManifestFile {
  try {
    return { file, objects: parseYamlSources(file, text).map((source) => loadedObject(file, source)) };
  } catch (error) {
    if (error instanceof GateInputError) throw new ManifestReadError(file, error.line ?? undefined, error.problem);
    throw error;
  }
}

function loadedObject(file: string, source: SourceDocument): LoadedObject {
  const line = source.startLine();
  let value: unknown;
  try {
    value = source.toJS();
  } catch (error) {
    throw new ManifestReadError(file, line, `cannot be converted to data: ${(error as Error).message}`);
  }
  return { file, line, value, lineOf: (path) => source.lineOf(path) };
}
