import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from '../../lib/tree-diff';
import { fastJsonSource } from './json-source';
import { type PathSegment, parseJsonSource, parseJsonWithYaml, type SourceDocument } from './source-document';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** Every path to a value inside `value`, parents before children. */
function allPaths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [prefix];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) paths.push(...allPaths(value[index], [...prefix, index]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) paths.push(...allPaths(inner, [...prefix, key]));
  }
  return paths;
}

function expectSameReading(fast: SourceDocument, reference: SourceDocument): void {
  expect(fast.toJS()).toEqual(reference.toJS());
  expect(fast.startLine()).toBe(reference.startLine());
  const paths = allPaths(reference.toJS());
  // Paths that do not exist fall back to the nearest ancestor in both readings.
  paths.push(['no-such-key'], [0, 'x'], ...paths.slice(1, 20).map((path) => [...path, 'missing', 3]));
  for (const path of paths) expect([path, fast.lineOf(path)]).toEqual([path, reference.lineOf(path)]);
}

function errorOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return String(error);
  }
  throw new Error('expected a parse error');
}

describe('the JSON fast path reads every value and line as the yaml parser does', () => {
  const committed = ['terraform/cdktf.out', 'policies']
    .flatMap((dir) => listFiles(join(REPO_ROOT, dir)).map((file) => join(REPO_ROOT, dir, file)))
    .filter((file) => file.endsWith('.json') && !file.includes(`${join('policies', 'bundle')}`));

  it.each(committed.map((file) => [relative(REPO_ROOT, file)]))('%s', (file) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    const fast = fastJsonSource(file, text);
    expect(fast).toBeDefined();
    expectSameReading(fast as SourceDocument, parseJsonWithYaml(file, text));
  });

  it.each([
    ['escaped keys and strings', '{"a\\"b": {"c\\\\": ["x\\"]", {"d": "}{"}]}, "e": 1}'],
    ['values on one line', '{"resource":{"aws_s3_bucket":{"a":{"bucket":"x"},"b":{}}}}'],
    ['leading blank lines and CRLF', '\r\n\r\n{\r\n  "a": [\r\n    1,\r\n    {"b": null}\r\n  ]\r\n}\r\n'],
    ['a top-level array', '[\n  {"a": 1},\n  [true, false],\n  -0.5e3\n]'],
    ['empty containers', '{\n  "a": {},\n  "b": [],\n  "c": [[], {}]\n}'],
    ['a __proto__ key', '{"__proto__": {"polluted": true}, "b": 2}'],
    ['integer-like keys', '{\n  "b": 1,\n  "2": 2,\n  "1": 3\n}'],
  ])('%s', (_name, text) => {
    const fast = fastJsonSource('x.json', text);
    expect(fast).toBeDefined();
    expectSameReading(fast as SourceDocument, parseJsonWithYaml('x.json', text));
  });
});

describe('JSON the fast path cannot vouch for goes to the yaml parser, whose error is reported', () => {
  it.each([
    ['a duplicate key', '{\n  "a": 1,\n  "a": 2\n}'],
    ['a duplicate key in a nested object', '{"x": [{"k": 1, "k": 1}]}'],
    ['nesting past the cap', `${'['.repeat(70)}${']'.repeat(70)}`],
    ['a comment (YAML, not JSON)', '{\n  "a": 1 # note\n}'],
    ['an integer past 2^53', '{"n": 123456789012345678901234567890}'],
  ])('%s', (_name, text) => {
    expect(fastJsonSource('x.json', text)).toBeUndefined();
    let reference: string;
    try {
      parseJsonWithYaml('x.json', text);
      reference = 'accepted';
    } catch (error) {
      reference = String(error);
    }
    if (reference === 'accepted')
      expect(parseJsonSource('x.json', text).toJS()).toEqual(parseJsonWithYaml('x.json', text).toJS());
    else expect(errorOf(() => parseJsonSource('x.json', text))).toBe(reference);
  });

  it('still refuses a duplicate key with the line of the second one', () => {
    expect(errorOf(() => parseJsonSource('x.json', '{\n  "a": 1,\n  "a": 2\n}'))).toMatch(/x\.json:3: .*unique/);
  });
});
