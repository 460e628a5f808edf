/** Mutation rows: defects ecolaura.gdpr.label_values must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a Namespace labelled with a classification outside the vocabulary (staging)',
    policy: { id: 'ECO-GDPR-002', package: 'ecolaura.gdpr.label_values' },
    apply: (tree) => {
      const namespace = tree.kubernetesObject('staging', 'Namespace', (o) => (o.metadata as Json).name === 'ecolaura');
      namespace.document.setIn(['metadata', 'labels', 'gdpr.ecolaura.io/data-classification'], 'top-secret');
      namespace.save();
      return namespace;
    },
  },
];
