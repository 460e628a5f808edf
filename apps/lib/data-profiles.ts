import { DATA_PROFILES, type DataProfile, type Environment } from '../../environments';

/**
 * Logs keep the GDPR profile of operational logs, with the retention this environment's
 * lifecycle policy really applies, so the label states what happens to the data.
 */
export function operationalLogsProfile(env: Environment): DataProfile {
  const days = env.observability.logRetentionDays;
  const ceiling = DATA_PROFILES.operationalLogs.retentionDays;
  if (days > ceiling) {
    throw new Error(
      `${env.name}.observability.logRetentionDays: ${days} exceeds the ${ceiling} days GDPR allows for operational logs (environments/gdpr.ts); lower it`,
    );
  }
  return { ...DATA_PROFILES.operationalLogs, retentionDays: days };
}

/** Operators and controllers: they move configuration and credentials, never personal data. */
export const CONTROLLER_PROFILE: DataProfile = { personalData: false, classification: 'confidential' };
