/**
 * Replays every policy fixture (policies/<theme>/fixtures/<POLICY-ID>/{allowed,disallowed}-*.{yaml,json})
 * through the real normalizer and the committed wasm bundle, gatekeeper-library style: each
 * disallowed document must yield its policy's id, no allowed one may, and every policy in the
 * catalog must have at least one of each.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadPolicyBundle, type PolicyBundle } from './evaluate';
import { normalizeFile } from './normalize';

const REPO = resolve(__dirname, '..', '..');
const POLICIES = join(REPO, 'policies');

interface Fixture {
  readonly policy: string;
  readonly expectation: 'allowed' | 'disallowed';
  /** Repo-relative POSIX path: its folders give the environment (`…/prod/…`). */
  readonly file: string;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : [path];
    });
}

function findFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const theme of readdirSync(POLICIES).sort()) {
    const fixturesDir = join(POLICIES, theme, 'fixtures');
    if (!statSync(join(POLICIES, theme)).isDirectory() || !safeIsDir(fixturesDir)) continue;
    for (const policy of readdirSync(fixturesDir).sort()) {
      for (const path of filesBelow(join(fixturesDir, policy))) {
        const name = path.split(sep).at(-1) ?? '';
        const expectation = name.startsWith('allowed-')
          ? 'allowed'
          : name.startsWith('disallowed-')
            ? 'disallowed'
            : undefined;
        if (!expectation) throw new Error(`${path}: fixture names start with allowed- or disallowed-`);
        fixtures.push({ policy, expectation, file: relative(REPO, path).split(sep).join('/') });
      }
    }
  }
  return fixtures;
}

function safeIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const fixtures = findFixtures();
let bundle: PolicyBundle;

beforeAll(async () => {
  bundle = await loadPolicyBundle(join(POLICIES, 'bundle'));
});

function policiesFiring(fixture: Fixture): string[] {
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
