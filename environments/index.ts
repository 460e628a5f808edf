import { dev } from './dev';
import type { Environment, EnvironmentName } from './model';
import { prod } from './prod';
import { staging } from './staging';
import { assertValidEnvironments } from './validate';

export * from './gdpr';
export * from './model';
export * from './names';
export * from './network-flows';
export * from './ports';
export { assertValidEnvironments, ModelError, type ModelProblem, validateEnvironment } from './validate';
export { EKS_ADDON_NAMES, EKS_ADDON_VERSIONS, type EksAddonName, VERSIONS } from './versions';
export { volumeDataProfile, volumeTags } from './volume-tags';

/**
 * Validates and returns the environments. Both synths call this before writing anything, so a
 * bad model is refused with the environment and field named and the committed tree untouched.
 */
export function loadEnvironments(declared: readonly Environment[] = [dev, staging, prod]): readonly Environment[] {
  assertValidEnvironments(declared);
  return declared;
}

/** One validated environment by name. */
export function environment(name: EnvironmentName): Environment {
  const found = loadEnvironments().find((env) => env.name === name);
  if (!found) throw new Error(`environment "${name}" is not declared in environments/`);
  return found;
}
