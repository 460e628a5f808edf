/**
 * The catalog (policies/bundle/catalog.json) is what SARIF, reports and auditors read: it must
 * cover every policy package with its id, severity, controls and remediation, ids unique.
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRegoSources } from '../scripts/lib/opa-sources';
import { policySources, SEVERITIES, THEME_ID_PREFIX } from '../scripts/policy/catalog';
import type { CatalogEntry } from '../scripts/policy/catalog-entry';
import { withPolicyTable } from '../scripts/policy/readme-table';

const REPO = resolve(__dirname, '..');
const catalog = (
  JSON.parse(readFileSync(join(__dirname, 'bundle', 'catalog.json'), 'utf8')) as { policies: CatalogEntry[] }
).policies;
const policies = policySources(readRegoSources(REPO));

it('lists every policy folder of policies/<theme>/<rule>/ and nothing else', () => {
  expect(catalog.map((p) => p.file).sort()).toEqual(policies.map((p) => p.file).sort());
  for (const entry of catalog) {
    expect(policies.find((p) => p.file === entry.file)?.pkg).toBe(entry.package);
  }
});

it('gives every policy an id of its theme, a severity, controls, a title and a remediation', () => {
  for (const entry of catalog) {
    expect([entry.id, entry.id.startsWith(`${THEME_ID_PREFIX[entry.theme]}-`)]).toEqual([entry.id, true]);
    expect(SEVERITIES).toContain(entry.severity);
    expect([entry.id, entry.controls.length > 0]).toEqual([entry.id, true]);
    expect([entry.id, entry.title.trim() !== '' && entry.remediation.trim() !== '']).toEqual([entry.id, true]);
  }
});

it('uses every policy id once', () => {
  const ids = catalog.map((p) => p.id);
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
});

it('is the policy table of policies/README.md, as npm run policy:build generates it, for auditors', () => {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
  expect(readme).toBe(withPolicyTable(readme, catalog));
  expect(catalog.map((p) => p.id).filter((id) => !readme.includes(`| ${id} |`))).toEqual([]);
});

it('wires every theme into the gate entrypoint policies/main.rego', () => {
  const main = readFileSync(join(__dirname, 'main.rego'), 'utf8');
  for (const theme of Object.keys(THEME_ID_PREFIX)) {
    expect([theme, main.includes(`data.ecolaura.${theme}[_].deny`)]).toEqual([theme, true]);
  }
});
