/** Mutation rows: defects ecolaura.podsecurity.capabilities must catch in the synthesized output. */

import { type Mutation, securityContext } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'NET_ADMIN added back after dropping ALL (prod backend)',
    policy: { id: 'ECO-PSS-006', package: 'ecolaura.podsecurity.capabilities' },
    apply: securityContext('prod', ['capabilities', 'add'], ['NET_ADMIN']),
  },
];
