/** Mutation rows: defects ecolaura.encryption.kubernetes_secret must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a Kubernetes Secret with literal data committed to Git (prod)',
    policy: { id: 'ECO-ENC-013', package: 'ecolaura.encryption.kubernetes_secret' },
    apply: (tree) =>
      tree.addManifest(
        'prod',
        'backend/Secret.backend-database.yaml',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: backend-database\n  namespace: ecolaura\ntype: Opaque\nstringData:\n  password: hunter2\n',
        'Secret/ecolaura/backend-database',
      ),
  },
];
