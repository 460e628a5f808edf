/** Mutation rows: defects ecolaura.gdpr.kubernetes_labels must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'GDPR personal-data label removed from a Deployment (dev)',
    policy: { id: 'ECO-GDPR-001', package: 'ecolaura.gdpr.kubernetes_labels' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('dev', 'Deployment');
      deployment.document.deleteIn(['metadata', 'labels', 'gdpr.ecolaura.io/personal-data']);
      deployment.save();
      return { ...deployment, path: ['metadata', 'labels'] };
    },
  },
  {
    defect: 'GDPR classification label removed from a pod template (prod backend)',
    policy: { id: 'ECO-GDPR-001', package: 'ecolaura.gdpr.kubernetes_labels' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'backend');
      deployment.document.deleteIn(['spec', 'template', 'metadata', 'labels', 'gdpr.ecolaura.io/data-classification']);
      deployment.save();
      return deployment;
    },
  },
];
