/** Mutation rows: defects ecolaura.podsecurity.run_as_non_root must catch in the synthesized output. */

import { type Mutation, securityContext } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the backend container overriding the pod with runAsNonRoot: false (dev)',
    policy: { id: 'ECO-PSS-004', package: 'ecolaura.podsecurity.run_as_non_root' },
    apply: securityContext('dev', ['runAsNonRoot'], false),
  },
];
