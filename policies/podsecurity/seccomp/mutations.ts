/** Mutation rows: defects ecolaura.podsecurity.seccomp must catch in the synthesized output. */

import { type Mutation, securityContext } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an Unconfined seccomp profile (staging backend)',
    policy: { id: 'ECO-PSS-007', package: 'ecolaura.podsecurity.seccomp' },
    apply: securityContext('staging', ['seccompProfile', 'type'], 'Unconfined'),
  },
];
