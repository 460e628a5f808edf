/**
 * The fast path for JSON: `JSON.parse` for the value (two orders of magnitude faster than
 * `yaml` on a Terraform plan) and a scan of the text for lines (`json-positions.ts`). It only
 * answers when it can vouch that `yaml`'s strict JSON reading would give the same value and no
 * error: anything else (text JSON.parse refuses, duplicate keys, nesting deeper than the cap,
 * integers past 2^53) returns undefined, and the caller parses with `yaml` for its exact error
 * or value.
 */

import { countJsonPairs, JsonPositions } from './json-positions';
import type { PathSegment, SourceDocument } from './source-document';
import { MAX_NESTING_DEPTH } from './yaml-portability';

class JsonSourceDocument implements SourceDocument {
  private positions?: JsonPositions;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly value: unknown,
  ) {}

  /** The parsed value itself (shared between calls: callers read it, never mutate it). */
  toJS(): unknown {
    return this.value;
  }

  isEmpty(): boolean {
    return false;
  }

  startLine(): number {
    const positions = this.indexed();
    return positions.lineAt(positions.rootOffset());
  }

  lineOf(path: readonly PathSegment[]): number {
    return this.indexed().lineOf(path);
  }

  private indexed(): JsonPositions {
    this.positions ??= new JsonPositions(this.text);
    return this.positions;
  }
}

interface Shape {
  pairs: number;
  tooDeep: boolean;
  unsafeInteger: boolean;
}

/** Counts the value's object entries and notes what the fast path cannot vouch for. */
function measure(value: unknown, depth: number, shape: Shape): void {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) shape.unsafeInteger = true;
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_NESTING_DEPTH) {
    shape.tooDeep = true;
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) measure(item, depth + 1, shape);
    return;
  }
  for (const key of Object.keys(value)) {
    shape.pairs += 1;
    measure((value as Record<string, unknown>)[key], depth + 1, shape);
  }
}

/** The document, or undefined when only the full `yaml` reading can judge the text. */
export function fastJsonSource(file: string, text: string): SourceDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const shape: Shape = { pairs: 0, tooDeep: false, unsafeInteger: false };
  measure(value, 1, shape);
  // A duplicate key leaves fewer entries in the value than pairs in the text.
  if (shape.tooDeep || shape.unsafeInteger || shape.pairs !== countJsonPairs(text)) return undefined;
  return new JsonSourceDocument(file, text, value);
}
