/**
 * Replays every policy fixture (policies/<theme>/fixtures/<POLICY-ID>/{allowed,disallowed}-*.{yaml,json})
 * through the real normalizer and the committed wasm bundle, gatekeeper-library style: each
 * disallowed document must yield its policy's id, no allowed one may, and every policy in the
 * catalog must have at least one of each.
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPolicyBundle, type PolicyBundle } from './evaluate';
import { normalizeFile } from './normalize';
import { findPolicyFixtures, type PolicyFixture } from './policy-fixtures';

const REPO = resolve(__dirname, '..', '..');
const POLICIES = join(REPO, 'policies');

const fixtures = findPolicyFixtures(REPO);
let bundle: PolicyBundle;

beforeAll(async () => {
  bundle = await loadPolicyBundle(join(POLICIES, 'bundle'));
});

function policiesFiring(fixture: PolicyFixture): string[] {
  const resources = normalizeFile(fixture.file, readFileSync(join(REPO, fixture.file), 'utf8'));
  return [...new Set(bundle.evaluate({ resources }).map((violation) => violation.policy))].sort();
}

describe('policy fixtures', () => {
  it('exist for every policy in the catalog, allowed and disallowed, and only for catalog policies', () => {
    const missing: string[] = [];
    for (const id of bundle.catalog.keys()) {
      for (const expectation of ['allowed', 'disallowed'] as const) {
        if (!fixtures.some((f) => f.policy === id && f.expectation === expectation))
          missing.push(`${id} has no ${expectation} fixture`);
      }
    }
    const unknown = [...new Set(fixtures.map((f) => f.policy))].filter((id) => !bundle.catalog.has(id));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it.each(fixtures.filter((f) => f.expectation === 'disallowed').map((f) => [f.file, f] as const))(
    '%s is refused by its policy',
    (_file, fixture) => {
      expect(policiesFiring(fixture)).toContain(fixture.policy);
    },
  );

  it.each(fixtures.filter((f) => f.expectation === 'allowed').map((f) => [f.file, f] as const))(
    '%s passes its policy',
    (_file, fixture) => {
      expect(policiesFiring(fixture)).not.toContain(fixture.policy);
    },
  );
});
