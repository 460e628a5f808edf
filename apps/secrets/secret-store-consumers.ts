import { AWS_SECRET_STORE } from '../lib/cluster';
import type { KubeObject } from '../lib/manifest-files';

/**
 * The namespaces whose ExternalSecrets read the ClusterSecretStore, taken from the synthesized
 * objects of every folder. This is the one list the store's `spec.conditions` admits: a chart
 * that adds an ExternalSecret in a new namespace (Grafana's admin user in `monitoring`, the
 * Alertmanager receiver, Kibana users in `logging`) extends it by declaring the object, nothing
 * else to edit, and a namespace without one cannot use the store.
 */
export function secretStoreConsumerNamespaces(objects: readonly KubeObject[]): string[] {
  const namespaces = objects.flatMap((object) => {
    if (object.kind !== 'ExternalSecret' || !object.apiVersion.startsWith('external-secrets.io/')) return [];
    const ref = (object as { spec?: { secretStoreRef?: { kind?: string; name?: string } } }).spec?.secretStoreRef;
    if (ref?.kind !== 'ClusterSecretStore' || ref.name !== AWS_SECRET_STORE) return [];
    if (!object.metadata.namespace) {
      throw new Error(
        `ExternalSecret ${object.metadata.name}: metadata.namespace is missing; set it so the ClusterSecretStore ${AWS_SECRET_STORE} can admit exactly that namespace`,
      );
    }
    return [object.metadata.namespace];
  });
  return [...new Set(namespaces)].sort();
}
