/**
 * Lines of a JSON text without a second parse: `JSON.parse` builds the value, and this index
 * answers "which line is the value at this path declared on" by scanning the text itself. Each
 * object or array on a queried path is scanned once, level by level, and its entries cached, so
 * asking for every resource of a plan costs about one pass over the text, and a file whose lines
 * nobody asks for costs nothing but the newline table.
 *
 * The text must already be valid JSON (`JSON.parse` accepted it): the scanner trusts its syntax.
 */

import { LineTable } from './line-table';
import type { PathSegment } from './source-document';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Where an entry of an object or array starts: its key (object) or the item itself (array), and its value. */
interface Entry {
  readonly declaredAt: number;
  readonly valueAt: number;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Offset of the quote closing the string that opens at `start`. */
export function stringEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return end;
  }
}

export class JsonPositions {
  private readonly lines: LineTable;
  private readonly entries = new Map<number, Map<PathSegment, Entry>>();

  constructor(private readonly text: string) {
    this.lines = new LineTable(text);
  }

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    return this.lines.lineAt(offset);
  }

  /** Offset of the top-level value. */
  rootOffset(): number {
    return this.skipWhitespace(0);
  }

  /**
   * Line where the value at `path` is declared: the line of its key inside an object, of the item
   * inside an array. Falls back to the nearest ancestor that exists.
   */
  lineOf(path: readonly PathSegment[]): number {
    let offset = this.rootOffset();
    let line = this.lineAt(offset);
    for (const segment of path) {
      const entry = this.entriesAt(offset)?.get(segment);
      if (!entry) return line;
      line = this.lineAt(entry.declaredAt);
      offset = entry.valueAt;
    }
    return line;
  }

  /** The entries of the object (string keys) or array (number indexes) at `offset`, or undefined for a scalar. */
  private entriesAt(offset: number): Map<PathSegment, Entry> | undefined {
    const code = this.text.charCodeAt(offset);
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) return undefined;
    let found = this.entries.get(offset);
    if (!found) {
      found = code === OPEN_BRACE ? this.scanObject(offset) : this.scanArray(offset);
      this.entries.set(offset, found);
    }
    return found;
  }

  private scanObject(open: number): Map<PathSegment, Entry> {
    const found = new Map<PathSegment, Entry>();
    let at = this.skipWhitespace(open + 1);
    while (this.text.charCodeAt(at) !== CLOSE_BRACE) {
      const keyEnd = stringEnd(this.text, at);
      const raw = this.text.slice(at + 1, keyEnd);
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      const colon = this.skipWhitespace(keyEnd + 1);
      const valueAt = this.skipWhitespace(colon + 1);
      // The last of duplicate keys wins, as in JSON.parse (the loader refuses duplicates anyway).
      found.set(key, { declaredAt: at, valueAt });
      at = this.afterEntry(this.skipValue(valueAt));
    }
    return found;
  }

  private scanArray(open: number): Map<PathSegment, Entry> {
    const found = new Map<PathSegment, Entry>();
    let at = this.skipWhitespace(open + 1);
    for (let index = 0; this.text.charCodeAt(at) !== CLOSE_BRACKET; index += 1) {
      found.set(index, { declaredAt: at, valueAt: at });
      at = this.afterEntry(this.skipValue(at));
    }
    return found;
  }

  /** Past the comma that may follow an entry, to the next entry or the closing bracket. */
  private afterEntry(end: number): number {
    const next = this.skipWhitespace(end);
    return this.text.charCodeAt(next) === COMMA ? this.skipWhitespace(next + 1) : next;
  }

  /** Offset just past the value starting at `start`. */
  private skipValue(start: number): number {
    const { text } = this;
    const code = text.charCodeAt(start);
    if (code === QUOTE) return stringEnd(text, start) + 1;
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) {
      let at = start;
      while (at < text.length) {
        const next = text.charCodeAt(at);
        if (next === COMMA || next === CLOSE_BRACE || next === CLOSE_BRACKET || isWhitespace(next)) break;
        at += 1;
      }
      return at;
    }
    let depth = 0;
    for (let at = start; ; at += 1) {
      const next = text.charCodeAt(at);
      if (next === QUOTE) at = stringEnd(text, at);
      else if (next === OPEN_BRACE || next === OPEN_BRACKET) depth += 1;
      else if (next === CLOSE_BRACE || next === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return at + 1;
      }
    }
  }

  private skipWhitespace(start: number): number {
    let at = start;
    while (at < this.text.length && isWhitespace(this.text.charCodeAt(at))) at += 1;
    return at;
  }
}

/** How many `key: value` pairs the text writes: every colon outside a string separates one. */
export function countJsonPairs(text: string): number {
  let pairs = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) at = stringEnd(text, at);
    else if (code === COLON) pairs += 1;
  }
  return pairs;
}
