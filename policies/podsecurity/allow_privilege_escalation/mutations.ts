/** Mutation rows: defects ecolaura.podsecurity.allow_privilege_escalation must catch in the synthesized output. */

import { type Mutation, securityContext } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'allowPrivilegeEscalation turned on (prod backend)',
    policy: { id: 'ECO-PSS-005', package: 'ecolaura.podsecurity.allow_privilege_escalation' },
    apply: securityContext('prod', ['allowPrivilegeEscalation'], true),
  },
];
