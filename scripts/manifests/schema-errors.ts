import type { FieldPath, LoadedObject } from './load';
import { fieldAt, objectProblem, type Problem } from './problem';

/** The part of an Ajv `ErrorObject` the models' `ValidationError.errors` carry that we read. */
interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * Turns the errors a model's `validate()` threw into problems naming the field and the value.
 * Errors other than Ajv's `ValidationError` (a bug in a model, say) are reported on the object
 * as they are rather than swallowed.
 */
export function schemaProblems(object: LoadedObject, error: unknown, source: string): Problem[] {
  const errors = (error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) {
    return [objectProblem(object, [], `${source} could not validate this object: ${String(error)}`)];
  }
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const ajvError of errors as AjvError[]) {
    const problem = toProblem(object, ajvError);
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(object: LoadedObject, error: AjvError): Problem {
  const path = pointerToPath(object.value, error.instancePath);
  const value = fieldAt(object.value, path);
  const { params } = error;
  switch (error.keyword) {
    case 'required': {
      const problem = objectProblem(object, [...path, String(params.missingProperty)], 'is required');
      // The missing field has no line of its own; point at the object that lacks it.
      return { ...problem, line: object.lineOf(path) };
    }
    case 'type':
      return objectProblem(object, path, `must be ${params.type} (got ${describeValue(value)})`);
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      const list = allowed.map((item) => JSON.stringify(item)).join(', ');
      return objectProblem(object, path, `must be one of ${list} (got ${describeValue(value)})`);
    }
    case 'additionalProperties':
      return objectProblem(object, [...path, String(params.additionalProperty)], 'is not a field of this kind');
    default:
      return objectProblem(object, path, `${error.message ?? error.keyword} (got ${describeValue(value)})`);
  }
}

/**
 * `/spec/template/spec/containers/0/image` → `['spec', …, 'containers', 0, 'image']`. A segment
 * becomes a number only where the data holds an array, so a map key like `"80"` stays a key.
 */
export function pointerToPath(value: unknown, pointer: string): FieldPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current = value;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(key);
    current = fieldAt(current, [key]);
  }
  return path;
}

/** A short, typed rendering of a value for messages: `string "three"`, `number 3`, `object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}
