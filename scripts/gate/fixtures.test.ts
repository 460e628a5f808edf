/**
 * Replays every policy fixture (policies/<theme>/<rule>/fixtures/{allowed,disallowed}-*.{yaml,json})
 * through the real normalizer and the committed wasm bundle, gatekeeper-library style: each
 * disallowed document must yield its policy's id, no allowed one may, and every policy in the
 * catalog must have at least one of each.
 */

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findPolicyFixtures, type PolicyFixture } from '../policy/fixtures';
import { loadPolicyBundle, type PolicyBundle } from './evaluate';
import { normalizeFile } from './normalize';

const REPO = resolve(__dirname, '..', '..');
const POLICIES = join(REPO, 'policies');

const fixtures = findPolicyFixtures(REPO);
let bundle: PolicyBundle;
/** Policy folder → the id its policy.rego declares, from the catalog. */
const idOfFolder = new Map<string, string>();

beforeAll(async () => {
  bundle = await loadPolicyBundle(join(POLICIES, 'bundle'));
  for (const policy of bundle.catalog.values()) idOfFolder.set(dirname(policy.file), policy.id);
});

function policyOf(fixture: PolicyFixture): string {
  return idOfFolder.get(fixture.folder) ?? `(no catalog policy in ${fixture.folder})`;
}

function policiesFiring(fixture: PolicyFixture): string[] {
  const resources = normalizeFile(fixture.file, readFileSync(join(REPO, fixture.file), 'utf8'));
  return [...new Set(bundle.evaluate({ resources }).map((violation) => violation.policy))].sort();
}

describe('policy fixtures', () => {
  it('exist for every policy in the catalog, allowed and disallowed, and only for catalog policies', () => {
    const missing: string[] = [];
    for (const id of bundle.catalog.keys()) {
      for (const expectation of ['allowed', 'disallowed'] as const) {
        if (!fixtures.some((f) => policyOf(f) === id && f.expectation === expectation))
          missing.push(`${id} has no ${expectation} fixture`);
      }
    }
    const unknown = [...new Set(fixtures.map((f) => f.folder))].filter((folder) => !idOfFolder.has(folder));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it.each(fixtures.filter((f) => f.expectation === 'disallowed').map((f) => [f.file, f] as const))(
    '%s is refused by its policy',
    (_file, fixture) => {
      expect(policiesFiring(fixture)).toContain(policyOf(fixture));
    },
  );

  it.each(fixtures.filter((f) => f.expectation === 'allowed').map((f) => [f.file, f] as const))(
    '%s passes its policy',
    (_file, fixture) => {
      expect(policiesFiring(fixture)).not.toContain(policyOf(fixture));
    },
  );
});
