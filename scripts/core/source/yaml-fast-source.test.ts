import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from '../../lib/tree-diff';
import { parseYamlSources, parseYamlWithYaml, type SourceDocument } from './source-document';
import { fastYamlSources } from './yaml-fast-source';

const REPO_ROOT = join(__dirname, '..', '..', '..');

function reference(text: string): SourceDocument[] | string {
  try {
    return parseYamlWithYaml('x.yaml', text);
  } catch (error) {
    return String(error);
  }
}

/** The fast path either declines, or reads every document's value and start line as `yaml` does. */
function expectFaithful(text: string): 'fast' | 'declined' {
  const fast = fastYamlSources('x.yaml', text, () => {
    throw new Error('a start line must not need the reference reading');
  });
  if (!fast) return 'declined';
  const expected = reference(text);
  if (typeof expected === 'string') throw new Error(`fast path accepted what yaml refuses (${expected}):\n${text}`);
  expect(fast.map((document) => [document.startLine(), document.toJS()])).toEqual(
    expected.map((document) => [document.startLine(), document.toJS()]),
  );
  return 'fast';
}

const committed = ['clusters', 'policies', 'scripts/manifests/fixtures']
  .flatMap((dir) => listFiles(join(REPO_ROOT, dir)).map((file) => join(REPO_ROOT, dir, file)))
  .filter((file) => /\.ya?ml$/.test(file));

describe('the YAML fast path reads committed manifests as the yaml parser does', () => {
  it.each(committed.map((file) => [relative(REPO_ROOT, file)]))('%s', (file) => {
    expect(expectFaithful(readFileSync(join(REPO_ROOT, file), 'utf8'))).toBe('fast');
  });
});

describe('the YAML fast path agrees with yaml on the corners of YAML 1.2', () => {
  it.each([
    [
      'block scalars with every chomping',
      'a: |\n  x\n  y\n\nb: |-\n  x\n\nc: |+\n  x\n\nd: >\n  folded\n  text\n\n  para\ne: >-\n  x\nf: |2\n    indented\n',
    ],
    [
      'multi-line plain and quoted scalars',
      "a: plain\n  continued\nb: \"dq \\t \\u00e9 \\x41\n  next\"\nc: 'it''s\n  folded'\n",
    ],
    ['flow collections', 'a: {b: 1, c: [x, "y", {d: null}]}\ne: []\nf: {}\n'],
    [
      'core scalars',
      'a: [0x1F, -0x1F, .5, -.5, +1, 1e3, .inf, -.Inf, .NaN, 1.50, ~, null, Null, "", true, False, -0]\n',
    ],
    ['keys that only look special', '"true": 1\n"1": 2\n"null": 3\n__proto__: {x: 1}\nk e y: 4\n"a:b": 5\n'],
    ['empty values', 'a:\nb: ~\nc:\n  - \n  -\n'],
    ['comments and markers', '# head\n---\n# lead\na: 1 # tail\n...\n---\n---\nb: 2\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - p\r\n  - q\r\n'],
    ['a plain scalar document', '--- text\n'],
    ['sequences of mappings', 'items:\n- a: 1\n  b: 2\n-   c: 3\n- - nested\n'],
  ])('%s', (_name, text) => {
    expect(expectFaithful(text)).toBe('fast');
  });
});

describe('what the fast path cannot vouch for goes to yaml, whose verdict is reported', () => {
  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a:\n  <<: {b: 1}\n'],
    ['a quoted merge key', 'a:\n  "<<": {b: 1}\n'],
    ['an explicit tag', 'a: !!str 1\n'],
    ['a non-specific tag', 'a: ! 1\n'],
    ['a %YAML directive', '%YAML 1.2\n---\na: 1\n'],
    ['a YAML 1.1 boolean', 'a: yes\n'],
    ['an octal', 'a: 0755\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a number as key', '1: a\n'],
    ['a null key', '? ~\n: a\n'],
    ['a collection as key', '? [a]\n: b\n'],
    ['deep nesting', `${'['.repeat(70)}${']'.repeat(70)}\n`],
    ['no document', '# only a comment\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['an unterminated quote', 'a: "x\n'],
    ['a block scalar document (its line is the indicator, which js-yaml does not report)', '--- |\n  text\n'],
    ['a quoted scalar document', '"text"\n'],
  ])('%s', (_name, text) => {
    expect(fastYamlSources('x.yaml', text, () => [])).toBeUndefined();
    const expected = reference(text);
    let actual: string | unknown[];
    try {
      actual = parseYamlSources('x.yaml', text).map((document) => document.toJS());
    } catch (error) {
      actual = String(error);
    }
    expect(actual).toEqual(typeof expected === 'string' ? expected : expected.map((document) => document.toJS()));
  });
});

describe('damaged manifests: whatever the fast path accepts, yaml accepts and reads the same', () => {
  /** A small deterministic generator (mulberry32), so a failure replays. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const PIECES = [
    ' ',
    '  ',
    '\n',
    '\t',
    ':',
    '- ',
    '#',
    '"',
    "'",
    '{',
    '}',
    '[',
    ']',
    ',',
    '|',
    '>',
    '&a',
    '*a',
    '!',
    '?',
    '%',
    '@',
    '`',
    '---',
    '...',
    'yes',
    '0o7',
    '~',
    '\\',
  ];
  const sources = committed.filter((file) => file.includes('clusters')).slice(0, 12);

  it.each(sources.map((file) => [relative(REPO_ROOT, file)]))('%s, 150 damaged copies', (file) => {
    const original = readFileSync(join(REPO_ROOT, file), 'utf8');
    const next = random(original.length);
    for (let round = 0; round < 150; round += 1) {
      let text = original;
      for (let edit = 0; edit < 1 + Math.floor(next() * 3); edit += 1) {
        const at = Math.floor(next() * text.length);
        const cut = Math.floor(next() * 4);
        const piece = PIECES[Math.floor(next() * PIECES.length)] as string;
        text = text.slice(0, at) + (next() < 0.7 ? piece : '') + text.slice(at + cut);
      }
      expectFaithful(text);
    }
  });
});
