import { ENVIRONMENT_BASE } from './base';
import { dev } from './dev';
import type { EnvironmentSettings } from './model';
import { type EnvironmentOverrides, withOverrides } from './overrides';
import { prod } from './prod';
import { staging } from './staging';

/**
 * Every environment, in promotion order, each as what differs from `ENVIRONMENT_BASE`. Declaring
 * one here names it: `EnvironmentName` is these keys, and both synths, the gate and the tools
 * follow. Nothing else lists environments.
 */
export const DECLARED_ENVIRONMENTS = { dev, staging, prod } as const satisfies Readonly<
  Record<string, EnvironmentOverrides>
>;

/** An environment name; a union all the way down, never a bare string. */
export type EnvironmentName = keyof typeof DECLARED_ENVIRONMENTS;

/** The declared names, in promotion order. */
export const ENVIRONMENT_NAMES = Object.keys(DECLARED_ENVIRONMENTS) as readonly EnvironmentName[];

/**
 * The base with one environment's overrides laid over it, not yet validated. The return type
 * makes the compiler refuse an environment that leaves a field of the base open.
 */
export function declaredSettings(name: EnvironmentName): EnvironmentSettings {
  return withOverrides(ENVIRONMENT_BASE, DECLARED_ENVIRONMENTS[name]);
}
