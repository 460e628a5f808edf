/**
 * The reality checks' facts that cross files (issue 10): they need every resource of a group
 * (an environment's manifests) at once, so the gate adds them after normalizing every file, and
 * normalizeFile adds them over a single file (fixtures hold their Namespace with their pods).
 */

import type { PolicyResource } from '../gate/types';
import { withAdmissionFacts } from './admission-facts';
import { withArgoSyncFacts } from './argo-sync-facts';

export function withRealityFacts(resources: readonly PolicyResource[]): PolicyResource[] {
  return withArgoSyncFacts(withAdmissionFacts(resources));
}
