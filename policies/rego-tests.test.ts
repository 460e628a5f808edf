/**
 * Runs every Rego unit test (the test_ rules of the _test packages) from the committed
 * tests.wasm under opa-wasm, one Jest test per Rego test, so CI proves the policies without a
 * Go toolchain. A test that is undefined or false fails here exactly as in `opa test`.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadedPolicy, loadPolicy } from '@open-policy-agent/opa-wasm';

const BUNDLE = join(__dirname, 'bundle');
const manifest = JSON.parse(readFileSync(join(BUNDLE, 'manifest.json'), 'utf8')) as {
  entrypoints: { 'tests.wasm': string[] };
};
const tests = manifest.entrypoints['tests.wasm'];
let policy: LoadedPolicy;

beforeAll(async () => {
  policy = await loadPolicy(readFileSync(join(BUNDLE, 'tests.wasm')));
  policy.setData(JSON.parse(readFileSync(join(BUNDLE, 'data.json'), 'utf8')));
});

it('tests.wasm exposes exactly the test rules the manifest lists, and there are some', () => {
  expect(tests.length).toBeGreaterThan(0);
  expect(Object.keys(policy.entrypoints).sort()).toEqual([...tests].sort());
});

const byPackage = new Map<string, string[]>();
for (const entrypoint of tests) {
  const pkg = entrypoint.slice(0, entrypoint.lastIndexOf('/'));
  byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), entrypoint]);
}

for (const [pkg, entrypoints] of byPackage) {
  describe(pkg.split('/').join('.'), () => {
    for (const entrypoint of entrypoints) {
      const name = entrypoint.slice(pkg.length + 1);
      it(name, () => {
        expect(policy.evaluate({}, entrypoint)).toEqual([{ result: true }]);
      });
    }
  });
}
