/** Mutation rows: defects ecolaura.https.rds_force_ssl must catch in the synthesized output. */

import { blocks, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'rds.force_ssl set to 0 in the database parameter group (prod)',
    policy: { id: 'ECO-TLS-004', package: 'ecolaura.https.rds_force_ssl' },
    apply: (tree) => {
      const group = tree.terraformResource('prod', 'aws_db_parameter_group');
      for (const parameter of blocks(group.body.parameter)) {
        if (parameter.name === 'rds.force_ssl') parameter.value = '0';
      }
      group.save();
      // The policy judges the instance: it is the instance that accepts plain connections.
      return tree.terraformResource('prod', 'aws_db_instance');
    },
  },
];
