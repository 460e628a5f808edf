/** Mutation rows: defects ecolaura.supporting.argocd_project_permits must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: "an AppProject that forbids a kind its Application creates (ClusterRole off ecolaura's whitelist, prod)",
    policy: { id: 'ECO-SUP-040', package: 'ecolaura.supporting.argocd_project_permits' },
    apply: (tree) => {
      const project = tree.kubernetesObject('prod', 'AppProject', (o) => (o.metadata as Json).name === 'ecolaura');
      const whitelist = (project.document.toJS() as { spec: { clusterResourceWhitelist: Json[] } }).spec
        .clusterResourceWhitelist;
      project.document.setIn(
        ['spec', 'clusterResourceWhitelist'],
        whitelist.filter((entry) => entry.kind !== 'ClusterRole'),
      );
      project.save();
      return tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'logging');
    },
  },
];
