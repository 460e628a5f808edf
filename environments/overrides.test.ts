import { isDeepStrictEqual } from 'node:util';
import { ENVIRONMENT_BASE } from './base';
import { DECLARED_ENVIRONMENTS, ENVIRONMENT_NAMES } from './declared';
import type { EnvironmentSettings } from './model';
import { withOverrides } from './overrides';

/** Paths where `overrides` restates what `base` already holds. */
function repeated(base: unknown, overrides: unknown, path = ''): string[] {
  if (isDeepStrictEqual(base, overrides)) return [path];
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(base) || !isObject(overrides)) return [];
  return Object.entries(overrides).flatMap(([key, value]) => repeated(base[key], value, `${path}.${key}`));
}

describe('laying overrides over a base', () => {
  it('merges objects key by key, keeping what the overrides leave out', () => {
    expect(withOverrides({ a: { b: 1, c: 2 }, d: 3 }, { a: { c: 4 } })).toEqual({ a: { b: 1, c: 4 }, d: 3 });
  });

  it('replaces arrays whole rather than item by item', () => {
    expect(withOverrides({ list: [1, 2, 3] }, { list: [9] })).toEqual({ list: [9] });
  });

  it('replaces an object with null and null with an object', () => {
    expect(withOverrides({ alarms: { cpu: 80 }, offHours: null }, { alarms: null, offHours: { at: '7' } })).toEqual({
      alarms: null,
      offHours: { at: '7' },
    });
  });

  it('leaves the base untouched', () => {
    const base = { a: { b: 1 } };
    withOverrides(base, { a: { b: 2 } });
    expect(base).toEqual({ a: { b: 1 } });
  });
});

describe('the declared environments', () => {
  it('are dev, staging and prod, in promotion order', () => {
    expect(ENVIRONMENT_NAMES).toEqual(['dev', 'staging', 'prod']);
  });

  it.each(ENVIRONMENT_NAMES)('%s states only what differs from the base', (name) => {
    expect(repeated(ENVIRONMENT_BASE, DECLARED_ENVIRONMENTS[name])).toEqual([]);
  });
});

describe('an environment that leaves a field of the base open', () => {
  it('does not compile, and lacks the field at run time', () => {
    const { accountId: _left, ...withoutAccount } = DECLARED_ENVIRONMENTS.staging;
    // @ts-expect-error accountId is open in the base, so every environment must state it
    const settings: EnvironmentSettings = withOverrides(ENVIRONMENT_BASE, withoutAccount);
    expect(settings).not.toHaveProperty('accountId');
  });
});
