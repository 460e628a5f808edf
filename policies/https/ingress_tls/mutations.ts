/** Mutation rows: defects ecolaura.https.ingress_tls must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an ALB Ingress whose HTTPS listener was dropped, leaving HTTP 80 only (prod)',
    policy: { id: 'ECO-TLS-001', package: 'ecolaura.https.ingress_tls' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('prod', 'Ingress', (o) => (o.metadata as Json).name === 'frontend');
      ingress.document.setIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/listen-ports'], '[{"HTTP":80}]');
      ingress.save();
      return ingress;
    },
  },
  {
    defect: 'an ALB Ingress downgraded to a TLS 1.0 security policy (staging)',
    policy: { id: 'ECO-TLS-001', package: 'ecolaura.https.ingress_tls' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('staging', 'Ingress', (o) => (o.metadata as Json).name === 'backend');
      ingress.document.setIn(
        ['metadata', 'annotations', 'alb.ingress.kubernetes.io/ssl-policy'],
        'ELBSecurityPolicy-2016-08',
      );
      ingress.save();
      return ingress;
    },
  },
];
