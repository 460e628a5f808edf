/** Mutation rows: defects ecolaura.sustainability.single_nat must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a second NAT gateway outside prod (dev)',
    policy: { id: 'ECO-GRN-002', package: 'ecolaura.sustainability.single_nat' },
    apply: (tree) => {
      const nat = tree.terraformResource('dev', 'aws_nat_gateway');
      return tree.addTerraformResource('dev', 'aws_nat_gateway', `${nat.name}_second`, { ...nat.body });
    },
  },
];
