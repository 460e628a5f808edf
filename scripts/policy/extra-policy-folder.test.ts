/**
 * Adding a policy touches one folder (issue 12): a temporary folder, created in a scratch copy of
 * the repository, must be picked up by the build, the catalog and its README table, the fixture
 * replay, the auditor report and the mutation test, with nothing registered anywhere else.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyBundle } from '../gate/evaluate';
import { normalizeFile } from '../gate/normalize';
import { exitCodeOf, runGate } from '../gate/run-gate';
import { plantOnDisk } from '../gate/testing/mutable-tree';
import { findOpa } from '../lib/opa-binary';
import { collectEvidence } from '../policy-report/collect-evidence';
import { copyRepository, REPO_ROOT } from '../policy-report/testing/repository-copy';
import { buildBundle } from './build';
import { findPolicyFixtures } from './fixtures';
import { loadFreshCatalog } from './fresh-catalog';
import { loadMutations } from './mutations';

const TODAY = '2026-06-01';
const FOLDER = 'policies/sustainability/extra_probe';

const POLICY = `# METADATA
# title: No extra-probe ConfigMap
# description: >-
#   Exists only in a scratch copy of the repository, to prove that a new policy folder is picked
#   up by the build, the catalog, the report and the mutation test.
# custom:
#   id: ECO-GRN-099
#   severity: low
#   controls:
#     - Scratch control 1
#   equivalents: []
#   remediation: Remove the extra-probe ConfigMap.
package ecolaura.sustainability.extra_probe

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, "it is the extra probe") if {
\tsome r in resources.kubernetes({"ConfigMap"})
\tr.name == "extra-probe"
}
`;

const POLICY_TEST = `package ecolaura.sustainability.extra_probe_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.sustainability.extra_probe

_map(name) := {
\t"source": "kubernetes", "file": "clusters/prod/x/ConfigMap.yaml", "line": 1, "group": "clusters/prod",
\t"environment": "prod", "region": null, "type": "ConfigMap", "apiVersion": "v1", "name": name,
\t"namespace": "x", "address": concat("", ["ConfigMap/x/", name]), "tags": {}, "values": {},
\t"references": [], "attributeReferences": {}, "facts": {},
}

test_probe_is_denied if {
\tsome v in extra_probe.deny with input as t.doc([_map("extra-probe")])
\t[v.policy, v.resource] == ["ECO-GRN-099", "ConfigMap/x/extra-probe"]
}

test_other_maps_are_allowed if {
\tcount(extra_probe.deny) == 0 with input as t.doc([_map("settings")])
}
`;

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: x\n`;

const MUTATIONS = `import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an extra-probe ConfigMap committed for prod',
    policy: { id: 'ECO-GRN-099', package: 'ecolaura.sustainability.extra_probe' },
    apply: (tree) =>
      tree.addManifest('prod', 'probe/ConfigMap.extra-probe.yaml', ${JSON.stringify(configMap('extra-probe'))}, 'ConfigMap/x/extra-probe'),
  },
];
`;

let root: string;

beforeAll(async () => {
  root = copyRepository();
  const folder = join(root, FOLDER);
  mkdirSync(join(folder, 'fixtures'), { recursive: true });
  writeFileSync(join(folder, 'policy.rego'), POLICY);
  writeFileSync(join(folder, 'policy_test.rego'), POLICY_TEST);
  writeFileSync(join(folder, 'fixtures', 'allowed-settings.yaml'), configMap('settings'));
  writeFileSync(join(folder, 'fixtures', 'disallowed-probe.yaml'), configMap('extra-probe'));
  writeFileSync(join(folder, 'mutations.ts'), MUTATIONS);
  const built = await buildBundle(findOpa(REPO_ROOT), true, root);
  for (const [name, bytes] of Object.entries(built.files)) writeFileSync(join(root, 'policies', 'bundle', name), bytes);
  writeFileSync(join(root, 'policies', 'README.md'), built.readme);
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a policy added as one folder', () => {
  it('is built into the bundle and listed by the fresh catalog', () => {
    const entry = loadFreshCatalog(root).policies.find((p) => p.id === 'ECO-GRN-099');
    expect(entry).toMatchObject({ package: 'ecolaura.sustainability.extra_probe', file: `${FOLDER}/policy.rego` });
  });

  it('gets its row in the generated README table', () => {
    expect(readFileSync(join(root, 'policies', 'README.md'), 'utf8')).toContain(
      '| ECO-GRN-099 | low | No extra-probe ConfigMap | `sustainability/extra_probe/` |',
    );
  });

  it('has its fixtures replayed: the disallowed one is refused, the allowed one passes', async () => {
    const bundle = await loadPolicyBundle(join(root, 'policies', 'bundle'));
    const fixtures = findPolicyFixtures(root).filter((f) => f.folder === FOLDER);
    const verdicts = fixtures.map((f) => {
      const resources = normalizeFile(f.file, readFileSync(join(root, f.file), 'utf8'));
      return [f.expectation, bundle.evaluate({ resources }).some((v) => v.policy === 'ECO-GRN-099')];
    });
    expect(verdicts).toEqual([
      ['allowed', false],
      ['disallowed', true],
    ]);
  });

  it('appears in the auditor report with its tests, fixtures and mutation row, and no gap', async () => {
    const { report } = await collectEvidence({ root, today: TODAY });
    expect(report.gaps).toEqual([]);
    expect(report.policies.find((p) => p.id === 'ECO-GRN-099')).toMatchObject({
      tests: { file: `${FOLDER}/policy_test.rego`, names: ['test_other_maps_are_allowed', 'test_probe_is_denied'] },
      fixtures: {
        folder: `${FOLDER}/fixtures/`,
        allowed: ['allowed-settings.yaml'],
        disallowed: ['disallowed-probe.yaml'],
      },
      mutations: [{ defect: 'an extra-probe ConfigMap committed for prod' }],
      verdict: { violations: 0 },
    });
  });

  it('has its mutation row run: the planted defect fails the gate with the new policy at its place', async () => {
    const rows = loadMutations(root).filter((m) => m.folder === FOLDER);
    expect(rows.map((m) => m.policy.id)).toEqual(['ECO-GRN-099']);
    const target = rows[0] && plantOnDisk(root, rows[0].apply);
    const report = await runGate({
      paths: [],
      root,
      bundleDir: join(root, 'policies', 'bundle'),
      exceptionsFile: join(root, 'policies', 'exceptions.yaml'),
      today: TODAY,
    });
    expect(exitCodeOf(report)).toBe(1);
    expect(report.findings.map((f) => [f.policy, f.file, f.resource])).toContainEqual([
      'ECO-GRN-099',
      target?.file,
      target?.resource,
    ]);
  });
});
