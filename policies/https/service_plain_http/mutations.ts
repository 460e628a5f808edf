/** Mutation rows: defects ecolaura.https.service_plain_http must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a Service exposing plain HTTP through an internet-facing LoadBalancer (dev)',
    policy: { id: 'ECO-TLS-003', package: 'ecolaura.https.service_plain_http' },
    apply: (tree) => {
      const service = tree.kubernetesObject('dev', 'Service', (o) => (o.metadata as Json).name === 'frontend');
      service.document.setIn(['spec', 'type'], 'LoadBalancer');
      service.save();
      return service;
    },
  },
  {
    defect: 'a LoadBalancer Service on port 443 forwarding plain HTTP to the pods, no TLS termination (prod)',
    policy: { id: 'ECO-TLS-003', package: 'ecolaura.https.service_plain_http' },
    apply: (tree) => {
      const service = tree.kubernetesObject('prod', 'Service', (o) => (o.metadata as Json).name === 'backend');
      service.document.setIn(['spec', 'type'], 'LoadBalancer');
      service.document.setIn(['spec', 'ports'], [{ name: 'https', port: 443, targetPort: 8000, protocol: 'TCP' }]);
      service.save();
      return service;
    },
  },
];
