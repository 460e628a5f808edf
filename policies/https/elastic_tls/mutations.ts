/** Mutation rows: defects ecolaura.https.elastic_tls must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'Elasticsearch HTTP TLS disabled (staging)',
    policy: { id: 'ECO-TLS-008', package: 'ecolaura.https.elastic_tls' },
    apply: (tree) => {
      const elasticsearch = tree.kubernetesObject('staging', 'Elasticsearch');
      elasticsearch.document.setIn(['spec', 'http'], { tls: { selfSignedCertificate: { disabled: true } } });
      elasticsearch.save();
      return { ...elasticsearch, path: ['spec', 'http', 'tls', 'selfSignedCertificate', 'disabled'] };
    },
  },
  {
    defect: 'Kibana HTTP TLS disabled (prod)',
    policy: { id: 'ECO-TLS-008', package: 'ecolaura.https.elastic_tls' },
    apply: (tree) => {
      const kibana = tree.kubernetesObject('prod', 'Kibana');
      kibana.document.setIn(['spec', 'http'], { tls: { selfSignedCertificate: { disabled: true } } });
      kibana.save();
      return { ...kibana, path: ['spec', 'http', 'tls', 'selfSignedCertificate', 'disabled'] };
    },
  },
];
