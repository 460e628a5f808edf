/** Mutation rows: defects ecolaura.supporting.argocd_namespace_order must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the namespaces synced only after the charts installed into them (platform in wave -1, prod)',
    policy: { id: 'ECO-SUP-042', package: 'ecolaura.supporting.argocd_namespace_order' },
    apply: (tree) => {
      const platform = tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'platform');
      platform.document.setIn(['metadata', 'annotations', 'argocd.argoproj.io/sync-wave'], '-1');
      platform.save();
      return tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'cert-manager');
    },
  },
];
