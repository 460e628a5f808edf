import { declaredSettings, ENVIRONMENT_NAMES } from './declared';
import type { Environment, EnvironmentName } from './model';
import { assertValidEnvironments } from './validate';

export { ENVIRONMENT_BASE } from './base';
export * from './gdpr';
export * from './model';
export * from './names';
export * from './network-flows';
export type { DeepPartial, EnvironmentOverrides } from './overrides';
export * from './ports';
export { assertValidEnvironments, ModelError, type ModelProblem, validateEnvironment } from './validate';
export { EKS_ADDON_NAMES, EKS_ADDON_VERSIONS, type EksAddonName, VERSIONS } from './versions';
export { volumeDataProfile, volumeTags } from './volume-tags';

/**
 * Validates and returns the environments. Both synths call this before writing anything, so a
 * bad model is refused with the environment and field named and the committed tree untouched.
 */
export function loadEnvironments(
  declared: readonly Environment[] = ENVIRONMENT_NAMES.map((name) => ({ name, ...declaredSettings(name) })),
): readonly Environment[] {
  assertValidEnvironments(declared);
  return declared;
}

/** One validated environment by name. */
export function environment(name: EnvironmentName): Environment {
  const found = loadEnvironments().find((env) => env.name === name);
  if (!found) throw new Error(`environment "${name}" is not declared in environments/`);
  return found;
}
