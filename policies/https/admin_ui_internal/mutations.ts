/** Mutation rows: defects ecolaura.https.admin_ui_internal must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'Kibana moved to the internet-facing ALB (prod)',
    policy: { id: 'ECO-TLS-010', package: 'ecolaura.https.admin_ui_internal' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('prod', 'Ingress', (o) => (o.metadata as Json).name === 'kibana');
      ingress.document.setIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'], 'internet-facing');
      ingress.save();
      return ingress;
    },
  },
  {
    defect: 'Kibana made public with its admin-ui label removed to hide it (dev)',
    policy: { id: 'ECO-TLS-010', package: 'ecolaura.https.admin_ui_internal' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('dev', 'Ingress', (o) => (o.metadata as Json).name === 'kibana');
      ingress.document.deleteIn(['metadata', 'labels', 'ecolaura.io/admin-ui']);
      ingress.document.setIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'], 'internet-facing');
      ingress.save();
      return ingress;
    },
  },
];
