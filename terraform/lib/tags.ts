import { type DataProfile, type EnvironmentName, gdprLabels, PROJECT } from '../../environments';

/**
 * Tag helpers shared by every construct. The provider's default tags (project, environment,
 * managed-by, owner) are set once in the stack; these add what is specific to one resource.
 */

/** Human name of a resource, e.g. `ecolaura-prod-private-a`. */
export function resourceName(env: EnvironmentName, suffix: string): string {
  return `${PROJECT}-${env}-${suffix}`;
}

/** The `Name` tag the AWS console shows. */
export function nameTag(env: EnvironmentName, suffix: string): Record<string, string> {
  return { Name: resourceName(env, suffix) };
}

/**
 * The GDPR tags of DESIGN.md for a resource that stores data, from its profile in
 * `environments/gdpr.ts`, merged with any other tags of the resource.
 */
export function dataTags(profile: DataProfile, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, ...gdprLabels(profile) };
}

/**
 * Refuses a store that keeps data longer than its GDPR profile allows. A store of personal
 * data must not outlive the retention its tags promise (storage limitation, GDPR Art. 5(1)(e)).
 */
export function assertRetentionWithinProfile(what: string, retentionDays: number, profile: DataProfile): void {
  if (profile.personalData && retentionDays > profile.retentionDays) {
    throw new Error(
      `${what}: retention of ${retentionDays} days exceeds the ${profile.retentionDays} days its GDPR profile ` +
        `allows; lower the retention in environments/ or change the profile in environments/gdpr.ts`,
    );
  }
}
