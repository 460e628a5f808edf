import type { Environment } from '../../environments';

/** Data stream the logs land in: `logs-ecolaura-<env>`, managed by the lifecycle policy. */
export function logsDataStream(env: Environment): { type: 'logs'; dataset: string; namespace: string } {
  return { type: 'logs', dataset: 'ecolaura', namespace: env.name };
}

/**
 * Sync waves inside the logging Application, so no writer starts before the lifecycle policy
 * exists: Elasticsearch first; once Argo CD reports it Healthy (green), the
 * Job installs the lifecycle policy and the index template; only then Logstash, Filebeat and
 * Kibana. Elasticsearch creates a data stream's first backing index on the first write and
 * fixes its settings from the templates of that moment, so a writer that starts earlier leaves
 * that index under the built-in policy, which has no delete phase.
 * https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/
 */
export const LOGGING_SYNC_WAVES = { store: 0, lifecyclePolicy: 1, writers: 2 } as const;

/** The annotation that puts a logging object in its wave. */
export function loggingSyncWave(wave: keyof typeof LOGGING_SYNC_WAVES): Record<string, string> {
  return { 'argocd.argoproj.io/sync-wave': String(LOGGING_SYNC_WAVES[wave]) };
}
