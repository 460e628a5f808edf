/** Mutation rows: defects ecolaura.podsecurity.read_only_root_filesystem must catch in the synthesized output. */

import { type Mutation, securityContext } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a writable root filesystem (prod backend)',
    policy: { id: 'ECO-PSS-008', package: 'ecolaura.podsecurity.read_only_root_filesystem' },
    apply: securityContext('prod', ['readOnlyRootFilesystem'], false),
  },
];
