/**
 * Issue 9 §1: every construct Kubernetes' YAML 1.1 decoder (sigs.k8s.io/yaml → go-yaml v2) reads
 * differently from YAML 1.2 is planted in a manifest and must stop both the gate (through its
 * real CLI, exit 2) and validate:manifests (its CLI entry, exit 2), naming the file and line.
 * Before the fix the gate read each of these files as YAML 1.2 and passed or judged another object.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGateCli } from '../../gate/testing/run-gate-cli';
import { EXIT, runValidateManifests } from '../../manifests/cli';

const HEADER = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: planted\n  namespace: shop\n';

/** name → [manifest text, line the error must name, words the message must hold]. */
const PLANTED: readonly (readonly [string, string, number, RegExp])[] = [
  [
    "a quoted '<<' merge key that would put TLS-less settings into an Ingress",
    "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  '<<': {tls: []}\n  rules: []\n",
    7,
    /merge key "<<"/,
  ],
  ['an anchor', `${HEADER}data: &shared\n  a: "1"\n`, 7, /anchor &shared/],
  ['a plain merge key on an alias', `${HEADER}data:\n  <<: *x\n`, 7, /merge key "<<"/],
  [
    'an alias bomb',
    `${HEADER}data:\n  a: &a ["x","x","x","x","x","x","x","x","x"]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`,
    7,
    /anchor &a/,
  ],
  ['a !!binary tag', `${HEADER}binaryData:\n  key: !!binary aGVsbG8=\n`, 7, /explicit tag tag:yaml\.org,2002:binary/],
  ['a custom tag', `${HEADER}data:\n  key: !secret value\n`, 7, /explicit tag !secret/],
  ['the YAML 1.1 boolean yes', `${HEADER}immutable: yes\n`, 6, /"yes" is a boolean in YAML 1\.1/],
  ['the YAML 1.1 boolean On', `${HEADER}immutable: On\n`, 6, /"On" is a boolean in YAML 1\.1/],
  ['the YAML 1.1 boolean n', `${HEADER}immutable: n\n`, 6, /"n" is a boolean in YAML 1\.1/],
  ['a YAML 1.1 octal 0443', `${HEADER}data:\n  mode: 0443\n`, 7, /"0443" is a YAML 1\.1 octal number/],
  ['a YAML 1.1 base-60 number', `${HEADER}data:\n  port: 190:20:30\n`, 7, /"190:20:30" is a YAML 1\.1 base-60/],
  ['a YAML 1.1 binary number', `${HEADER}data:\n  flags: 0b101\n`, 7, /"0b101" is a YAML 1\.1 binary/],
  ['a number with digit separators', `${HEADER}data:\n  size: 1_000\n`, 7, /"1_000" is a YAML 1\.1 number/],
  ['a %YAML 1.1 directive', `%YAML 1.1\n---\n${HEADER}`, 2, /%YAML 1\.1 directive/],
  ['a duplicate key', `${HEADER}data:\n  a: "1"\n  a: "2"\n`, 8, /Map keys must be unique/],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gate-differential-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plant(name: string, text: string): string {
  const folder = join(dir, name.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'planted.yaml'), text);
  return folder;
}

describe('YAML that Kubernetes reads differently is refused by the gate and validate:manifests alike', () => {
  it.each(PLANTED)('%s', async (name, text, line, words) => {
    const folder = plant(name, text);
    const gate = runGateCli(['planted.yaml'], folder);
    expect(gate.status).toBe(2);
    expect(gate.stderr).toMatch(new RegExp(`^error: planted\\.yaml:${line}: .*${words.source}`, 'm'));
    expect(gate.stderr).not.toMatch(/\n\s+at /);

    const errors: string[] = [];
    const code = await runValidateManifests([join(folder, 'planted.yaml')], {
      info: () => {},
      error: (l) => errors.push(l),
    });
    expect(code).toBe(EXIT.usage);
    expect(errors.join('\n')).toMatch(new RegExp(`planted\\.yaml:${line}: .*${words.source}`));
  });

  it('still accepts the same values written portably (quoted strings, true, decimal)', async () => {
    const folder = plant(
      'portable',
      `${HEADER}immutable: true\ndata:\n  answer: "yes"\n  mode: "0443"\n  port: '190:20:30'\n  size: "1_000"\n  when: 2026-01-01\n`,
    );
    const errors: string[] = [];
    const code = await runValidateManifests([join(folder, 'planted.yaml')], {
      info: () => {},
      error: (l) => errors.push(l),
    });
    expect(errors).toEqual([]);
    expect(code).toBe(EXIT.clean);
  });
});
