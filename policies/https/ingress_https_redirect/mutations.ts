/** Mutation rows: defects ecolaura.https.ingress_https_redirect must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an ALB Ingress that no longer redirects HTTP 80 to HTTPS (staging)',
    policy: { id: 'ECO-TLS-002', package: 'ecolaura.https.ingress_https_redirect' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('staging', 'Ingress', (o) => (o.metadata as Json).name === 'backend');
      ingress.document.deleteIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/ssl-redirect']);
      ingress.save();
      return ingress;
    },
  },
];
