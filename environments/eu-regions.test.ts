import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environment } from './index';
import { EU_REGIONS } from './model';
import { validateEnvironment } from './validate';

/** The `eu_regions` set of the gate's GDPR library, read from the Rego source. */
function regoEuRegions(): string[] {
  const rego = readFileSync(join(__dirname, '..', 'policies', 'lib', 'gdpr.rego'), 'utf8');
  const set = /^eu_regions := \{([^}]*)\}/m.exec(rego)?.[1];
  if (set === undefined) throw new Error('policies/lib/gdpr.rego: no `eu_regions := {…}` set found');
  return [...set.matchAll(/"([a-z0-9-]+)"/g)].map((m) => m[1] as string).sort();
}

describe('the EU regions of the model', () => {
  it('are exactly the regions the gate accepts for personal data, so a valid model cannot fail the gate', () => {
    expect([...EU_REGIONS].sort()).toEqual(regoEuRegions());
  });

  it.each(['eu-west-2', 'eu-central-2'])('leave out %s, whose residency rests on an adequacy decision', (region) => {
    expect(EU_REGIONS as readonly string[]).not.toContain(region);
    const problems = validateEnvironment({ ...environment('prod'), region: region as (typeof EU_REGIONS)[number] });
    expect(problems.map((p) => p.field)).toContain('region');
  });
});
